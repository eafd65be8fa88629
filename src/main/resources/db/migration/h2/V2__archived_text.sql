-- What search reads, one row per text of an archived run: each message of its conversation
-- (ordinal: its index from 0), the judge's remarks, the test case's label and success
-- criteria (ordinal 0). The embedded H2 has no text index: search matches with ILIKE,
-- row by row over the agent's runs (PostgreSQL's script adds full text and trigrams).

create table archived_text (
	run_id bigint not null references archived_run (id) on delete cascade,
	kind varchar(16) not null,
	ordinal integer not null,
	speaker varchar(64),
	body character varying(65536) not null,
	primary key (run_id, kind, ordinal)
);
