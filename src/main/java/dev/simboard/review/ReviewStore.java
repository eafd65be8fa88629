package dev.simboard.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.simboard.model.HumanVerdict;
import dev.simboard.model.Review;
import dev.simboard.model.Verdict;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reviews in the database (see {@code V4__review.sql}). A save names the version it
 * changes, and only that version is changed: of two people saving against the same one,
 * the second is told, and nothing is overwritten.
 */
@Component
class ReviewStore {

	private static final String COLUMNS = "job_id, judge_verdict, verdict, label, note, ticket, reviewed_by, "
			+ "reviewed_at, version";

	private final JdbcClient jdbc;

	private final TransactionOperations transactions;

	ReviewStore(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

	/** The current reviews of a batch's runs, by job ID. */
	Map<String, Review> ofBatch(String batchId) {
		return this.jdbc.sql("select " + COLUMNS + " from run_review where batch_id = ?")
			.param(batchId)
			.query(ReviewStore::review)
			.list()
			.stream()
			.collect(Collectors.toUnmodifiableMap(Review::jobId, Function.identity()));
	}

	/**
	 * By batch, how often reviewers overturned the judge on an agent's runs: one row per
	 * batch, counted by the database.
	 */
	Map<String, Overturns> overturnsOfAgent(String agentId) {
		Map<String, Overturns> byBatch = new HashMap<>();
		this.jdbc
			.sql("select batch_id, count(*) as reviewed, "
					+ "sum(case when judge_verdict = 'failed' and verdict = 'pass' then 1 else 0 end) as false_fails, "
					+ "sum(case when judge_verdict = 'passed' and verdict = 'fail' then 1 else 0 end) as false_passes "
					+ "from run_review where agent_id = ? group by batch_id")
			.param(agentId)
			.query((rs) -> {
				byBatch.put(rs.getString("batch_id"),
						new Overturns(rs.getInt("reviewed"), rs.getInt("false_fails"), rs.getInt("false_passes")));
			});
		return Map.copyOf(byBatch);
	}

	/** The current review of a run. */
	Optional<Review> current(String jobId) {
		return this.jdbc.sql("select " + COLUMNS + " from run_review where job_id = ?")
			.param(jobId)
			.query(ReviewStore::review)
			.optional();
	}

	/** Every version of a run's review, newest first. */
	List<Review> history(String jobId) {
		return this.jdbc
			.sql("select v.job_id, r.judge_verdict, v.verdict, v.label, v.note, v.ticket, v.reviewed_by, "
					+ "v.reviewed_at, v.version from run_review_version v join run_review r on r.job_id = v.job_id "
					+ "where v.job_id = ? order by v.version desc")
			.param(jobId)
			.query(ReviewStore::review)
			.list();
	}

	/**
	 * Saves a new version of a run's review, when its current version is
	 * {@code expectedVersion} (0: none yet).
	 * @return the version saved, or empty when another was saved first
	 */
	Optional<Review> save(RunOfReview run, ReviewDraft draft, int expectedVersion, String reviewer, Instant at) {
		return save(run, draft, expectedVersion, reviewer, at, null);
	}

	/**
	 * Saves as {@link #save(RunOfReview, ReviewDraft, int, String, Instant)} does, noting
	 * the review the reviewer was offered as a suggestion, if any, and whether they took
	 * it as offered.
	 */
	Optional<Review> save(RunOfReview run, ReviewDraft draft, int expectedVersion, String reviewer, Instant at,
			Review offered) {
		Review review = new Review(run.jobId(), run.judge(), draft.verdict(), draft.label(), draft.note(),
				draft.ticket(), reviewer, at, expectedVersion + 1);
		return Optional.ofNullable(this.transactions.execute((status) -> {
			int changed = (expectedVersion == 0) ? this.jdbc
				.sql("insert into run_review (job_id, agent_id, batch_id, test_case_id, judge_verdict, verdict, label, "
						+ "note, ticket, reviewed_by, reviewed_at, version, evidence) values (:jobId, :agentId, "
						+ ":batchId, :testCaseId, :judge, :verdict, :label, :note, :ticket, :reviewer, :at, 1, "
						+ ":evidence) on conflict do nothing")
				.paramSource(values(review).addValue("agentId", run.agentId())
					.addValue("evidence", run.evidence(), Types.VARCHAR)
					.addValue("batchId", run.batchId())
					.addValue("testCaseId", run.testCaseId(), Types.VARCHAR)
					.addValue("judge", run.judge().name().toLowerCase(Locale.ROOT)))
				.update()
					: this.jdbc
						.sql("update run_review set verdict = :verdict, label = :label, note = :note, "
								+ "ticket = :ticket, reviewed_by = :reviewer, reviewed_at = :at, version = version + 1 "
								+ "where job_id = :jobId and version = :expected")
						.paramSource(values(review).addValue("expected", expectedVersion))
						.update();
			if (changed == 0) {
				return null;
			}
			this.jdbc
				.sql("insert into run_review_version (job_id, version, verdict, label, note, ticket, reviewed_by, "
						+ "reviewed_at, suggested_from, suggestion_accepted) values (:jobId, :version, :verdict, "
						+ ":label, :note, :ticket, :reviewer, :at, :suggestedFrom, :accepted)")
				.paramSource(values(review).addValue("version", review.version())
					.addValue("suggestedFrom", (offered != null) ? offered.jobId() : null, Types.VARCHAR)
					.addValue("accepted", (offered != null) ? takenAsOffered(draft, offered) : null, Types.BOOLEAN))
				.update();
			return review;
		}));
	}

	private static boolean takenAsOffered(ReviewDraft draft, Review offered) {
		return draft.verdict() == offered.verdict() && Objects.equals(draft.label(), offered.label());
	}

	/** A review's values, typed: most may be null. */
	private static MapSqlParameterSource values(Review review) {
		return new MapSqlParameterSource().addValue("jobId", review.jobId())
			.addValue("verdict", review.verdict().value())
			.addValue("label", review.label(), Types.VARCHAR)
			.addValue("note", review.note(), Types.VARCHAR)
			.addValue("ticket", review.ticket(), Types.VARCHAR)
			.addValue("reviewer", review.reviewer())
			.addValue("at", review.at().atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
	}

	private static Review review(ResultSet rs, int row) throws SQLException {
		return new Review(rs.getString("job_id"),
				Verdict.valueOf(rs.getString("judge_verdict").toUpperCase(Locale.ROOT)),
				HumanVerdict.parse(rs.getString("verdict")).orElseThrow(), rs.getString("label"), rs.getString("note"),
				rs.getString("ticket"), rs.getString("reviewed_by"),
				rs.getObject("reviewed_at", OffsetDateTime.class).toInstant(), rs.getInt("version"));
	}

	/**
	 * The most recent reviewed failures of a test case, newest first: what suggestions
	 * are drawn from.
	 */
	List<Reviewed> reviewedFailures(String agentId, String testCaseId, int limit) {
		return this.jdbc
			.sql("select job_id, batch_id, verdict, label, evidence from run_review where agent_id = ? and "
					+ "test_case_id = ? and judge_verdict = 'failed' and evidence is not null "
					+ "order by reviewed_at desc fetch first " + limit + " rows only")
			.params(agentId, testCaseId)
			.query((rs, row) -> new Reviewed(rs.getString("job_id"), rs.getString("batch_id"),
					HumanVerdict.parse(rs.getString("verdict")).orElseThrow(), rs.getString("label"),
					rs.getString("evidence")))
			.list();
	}

	/** How many reviews were saved with a suggestion offered, and of those, taken. */
	SuggestionFigures suggestionFigures() {
		return this.jdbc
			.sql("select count(*) as offered, coalesce(sum(case when suggestion_accepted then 1 else 0 end), 0) "
					+ "as taken from run_review_version where suggested_from is not null")
			.query((rs, row) -> new SuggestionFigures(rs.getInt("offered"), rs.getInt("taken")))
			.single();
	}

	/**
	 * The run a review is of, as the store files it.
	 *
	 * @param evidence what suggestions compare it by (see {@link Evidence}), or
	 * {@code null}
	 */
	record RunOfReview(String jobId, String agentId, String batchId, String testCaseId, Verdict judge,
			String evidence) {

		RunOfReview(String jobId, String agentId, String batchId, String testCaseId, Verdict judge) {
			this(jobId, agentId, batchId, testCaseId, judge, null);
		}

	}

	/** A reviewed failure, as suggestions weigh it. */
	record Reviewed(String jobId, String batchId, HumanVerdict verdict, String label, String evidence) {
	}

}
