-- Human reviews of the judge's verdicts. run_review holds each run's current review, with
-- a version that grows by one with each save (two people saving against the same version:
-- the second is refused, never silently overwritten); run_review_version keeps every
-- version, for the run's review history. Retention never drops reviews.

create table run_review (
	job_id varchar(128) primary key,
	agent_id varchar(128) not null,
	batch_id varchar(128) not null,
	test_case_id varchar(128),
	-- the judge's verdict on the run: passed or failed (model.Verdict, lower case)
	judge_verdict varchar(16) not null,
	-- agree, pass or fail (model.HumanVerdict, lower case)
	verdict varchar(16) not null,
	label varchar(64),
	note varchar(4000),
	ticket varchar(2000),
	reviewed_by varchar(256) not null,
	reviewed_at timestamp with time zone not null,
	version integer not null
);

create index run_review_batch_id on run_review (batch_id);
create index run_review_agent_id on run_review (agent_id, reviewed_at);

create table run_review_version (
	job_id varchar(128) not null,
	version integer not null,
	verdict varchar(16) not null,
	label varchar(64),
	note varchar(4000),
	ticket varchar(2000),
	reviewed_by varchar(256) not null,
	reviewed_at timestamp with time zone not null,
	primary key (job_id, version)
);
