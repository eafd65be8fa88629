-- A finished run's page body (judgement, conversation, details) as a build of Simboard
-- rendered it from the archived run, so that after a restart the page is sent without
-- rendering it again. One per run: a newer renderer (another build, another context path)
-- replaces it. The seal is an HMAC over the renderer, the job ID and the markup, with a
-- key the database does not hold: markup the seal does not match is rendered afresh, never
-- sent. It goes with its run (retention).
create table rendered_body (
	run_id bigint primary key references archived_run (id) on delete cascade,
	renderer varchar(64) not null,
	html text not null,
	seal varchar(64) not null
);
