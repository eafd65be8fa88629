-- Suggestions from past reviews. evidence is what a run's review is compared by: the
-- judge's remarks and the last messages, as saved with the review. A version saved where
-- a suggestion was offered names its source run, and whether the reviewer took it as
-- offered (the admin page's acceptance figure). Old and new code can both run on it: the
-- columns are nullable.

alter table run_review add column evidence varchar(2000);

alter table run_review_version add column suggested_from varchar(128);

alter table run_review_version add column suggestion_accepted boolean;

create index run_review_test_case on run_review (agent_id, test_case_id);
