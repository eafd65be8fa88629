-- Search lists runs newest batch first. Sorting by the batch's start through a join meant
-- sorting every run of an agent for each common word; a column of the run's own, indexed
-- with its agent, lets the database walk runs in that order and stop at the page's end.
-- listed_at: its batch's start once the batch is archived, else the run's own start, else
-- when it was archived (never null).

alter table archived_run add column listed_at timestamp with time zone;

update archived_run set listed_at = coalesce(
	(select b.created_at from archived_batch b where b.batch_id = archived_run.batch_id),
	created_at, archived_at);

alter table archived_run alter column listed_at set not null;

create index archived_run_agent_listed_at on archived_run
	(agent_id, listed_at desc, batch_id desc, created_at desc nulls last, id desc);
