-- What search reads, one row per text of an archived run: each message of its conversation
-- (ordinal: its index from 0), the judge's remarks, the test case's label and success
-- criteria (ordinal 0). PostgreSQL indexes it twice:
-- - full text (English stemming) for words, through a generated tsvector column and GIN;
-- - trigrams (pg_trgm) for quoted phrases and for words full text cannot index (stop words
--   such as "not"), which search matches with ILIKE; without the extension they still
--   work, unindexed.

create table archived_text (
	run_id bigint not null references archived_run (id) on delete cascade,
	kind varchar(16) not null,
	ordinal integer not null,
	speaker varchar(64),
	body text not null,
	search_vector tsvector generated always as (to_tsvector('english', body)) stored,
	primary key (run_id, kind, ordinal)
);

create index archived_text_search_vector on archived_text using gin (search_vector);

-- pg_trgm is a trusted extension (PostgreSQL 13+): a database owner may create it. Where
-- that is refused or it is not installed, the migration goes on without the index.
do $$
begin
	create extension if not exists pg_trgm;
	create index archived_text_body_trgm on archived_text using gin (body gin_trgm_ops);
exception when others then
	raise notice 'No trigram index (%): phrase search runs without one', sqlerrm;
end
$$;
