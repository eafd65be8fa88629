-- A finished run's page body (judgement, conversation, details) as Simboard rendered it
-- from the archived run, so that after a restart the page is sent without rendering it
-- again. One per run, found only by what it was rendered from (a digest of the build, the
-- run's address and what the body shows of the run); a body rendered from anything else
-- replaces it. The seal is an HMAC over that, the job ID and the markup, with a key the
-- database does not hold: markup the seal does not match is rendered afresh, never sent.
-- It goes with its run (retention).
create table rendered_body (
	run_id bigint primary key references archived_run (id) on delete cascade,
	rendered_from varchar(64) not null,
	html text not null,
	seal varchar(64) not null
);
