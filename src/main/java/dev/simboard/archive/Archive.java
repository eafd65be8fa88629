package dev.simboard.archive;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.simboard.model.Verdict;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Simboard's archive of finished runs and batches, the texts search reads, and pinned
 * batches, in the one database Simboard has (see the package's description).
 * <p>
 * Finished data never changes, so every write inserts if absent: saving what is already
 * there does nothing and says so, and two Simboards saving the same run at once both
 * succeed, one of them storing it. A write that touches several tables is one
 * transaction. It is made once Flyway has migrated the database.
 */
@Component
@DependsOnDatabaseInitialization
public class Archive {

	private static final Logger logger = LoggerFactory.getLogger(Archive.class);

	/** Matches listed per run found; the rest are counted. */
	static final int MATCHES_PER_RUN = 5;

	/** Runs one search returns at most. */
	public static final int MAX_HITS = 200;

	/**
	 * How many of an agent's newest runs a search reads first, text by text through each
	 * run's own rows: a common term fills the page among them, and no text index is read.
	 */
	static final int FIRST_WALK = 2_000;

	/**
	 * How many matching texts make a query common. When the first walk did not fill the
	 * page, a search reads up to one more than this many through the text indexes; fewer,
	 * and they are all there are, so their runs are sorted and cut; more, and the agent's
	 * runs are walked newest first to the end of the page. Either way the database's
	 * estimates of how rare a word is (often far off for words outside its statistics)
	 * cannot send a rare word down the long walk.
	 */
	static final int RARE = 5_000;

	/** The order search lists runs in, newest batch first: see V3__run_listed_at.sql. */
	private static final String NEWEST_FIRST = " order by %1$s.listed_at desc, %1$s.batch_id desc, "
			+ "%1$s.created_at desc nulls last, %1$s.id desc";

	private static final String RUN_COLUMNS = "job_id, agent_id, batch_id, chat_id, test_case_id, test_case_label, "
			+ "outcome, created_at, completed_at, archived_at, run_json, chat_json";

	private static final String BATCH_COLUMNS = "batch_id, agent_id, created_at, completed_at, run_count, "
			+ "runs_archived, archived_at, batch_json";

	private static final String PIN_COLUMNS = "batch_id, agent_id, name, pinned_by, pinned_at, runs_known, "
			+ "runs_archived, state";

	private static final String UNPINNED = "not exists (select 1 from batch_pin p where p.batch_id = %s.batch_id)";

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	// A template rather than @Transactional: no proxy needed, so the tests that build an
	// Archive on a bare DataSource run the same transactions. It joins a caller's one.
	private final TransactionOperations transactions;

	private final Vendor vendor;

	private final String database;

	private final int firstWalk;

	private final int rare;

	private final DataSource dataSource;

	@Autowired
	public Archive(DataSource dataSource) {
		this(dataSource, FIRST_WALK, RARE);
	}

	Archive(DataSource dataSource, int firstWalk, int rare) {
		this.dataSource = dataSource;
		this.firstWalk = firstWalk;
		this.rare = rare;
		this.batches = new JdbcTemplate(dataSource);
		this.jdbc = JdbcClient.create(this.batches);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		try {
			String[] product = JdbcUtils.extractDatabaseMetaData(dataSource, (meta) -> new String[] {
					meta.getDatabaseProductName(), meta.getDatabaseProductVersion(), meta.getURL() });
			this.vendor = Vendor.of(product[0]);
			this.database = describe(product[0], product[1], product[2]);
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException("Cannot tell which database the archive is in", ex);
		}
		logger.info("Archive database: {}", this.database);
	}

	/**
	 * Claims a background job for this Simboard alone, among replicas on one database: on
	 * PostgreSQL a session-level advisory lock, held on a connection of its own until the
	 * claim is closed, and let go by PostgreSQL itself if this Simboard dies; on the
	 * embedded H2, which one Simboard alone uses, always granted.
	 * @param job the job's name, such as {@code pins}
	 * @return the claim, or empty when another replica holds it
	 */
	public Optional<JobClaim> claim(String job) {
		if (this.vendor != Vendor.POSTGRESQL) {
			return Optional.of(() -> {
			});
		}
		long key = ("simboard:" + job).hashCode();
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			boolean held = advisory(connection, "select pg_try_advisory_lock(?)", key);
			if (!held) {
				DataSourceUtils.releaseConnection(connection, this.dataSource);
				return Optional.empty();
			}
			return Optional.of(() -> {
				try {
					advisory(connection, "select pg_advisory_unlock(?)", key);
				}
				finally {
					DataSourceUtils.releaseConnection(connection, this.dataSource);
				}
			});
		}
		catch (RuntimeException ex) {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
			throw ex;
		}
	}

	private static boolean advisory(Connection connection, String sql, long key) {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, key);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getBoolean(1);
			}
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Advisory lock: " + ex.getMessage(), ex);
		}
	}

	/** A claim on a background job; closing it lets another replica take the job. */
	@FunctionalInterface
	public interface JobClaim extends AutoCloseable {

		@Override
		void close();

	}

	/**
	 * Which database this is, for people: product, version and where, never a password (a
	 * URL loses its query, options and user information).
	 */
	static String describe(String product, String version, String url) {
		String shortVersion = version.split(" ", 2)[0];
		if (url.startsWith("jdbc:h2:mem:")) {
			return product + " " + shortVersion + " (embedded, in memory: the archive goes when Simboard stops)";
		}
		String where = url.split("[?;]", 2)[0].replaceFirst("//[^/@]*@", "//");
		if (url.startsWith("jdbc:h2:")) {
			return product + " " + shortVersion + " (embedded) in " + where.replaceFirst("^jdbc:h2:(file:)?", "")
					+ ".mv.db";
		}
		return product + " " + shortVersion + " at " + where;
	}

	// --- runs

	/**
	 * Archives a finished run with the texts search reads, unless it is archived already.
	 * Blank texts are left out.
	 * @return whether this call stored it; {@code false} when it was there before
	 */
	public boolean saveRun(ArchivedRun run, List<SearchText> texts) {
		List<SearchText> kept = texts.stream().filter((text) -> !text.body().isBlank()).toList();
		Set<String> keys = new HashSet<>();
		for (SearchText text : kept) {
			if (!keys.add(text.kind() + "#" + text.number())) {
				throw new IllegalArgumentException("Two texts are " + text.kind() + " " + text.number());
			}
		}
		return Boolean.TRUE.equals(this.transactions.execute((status) -> {
			int inserted = this.jdbc
				.sql("insert into archived_run (" + RUN_COLUMNS + ", listed_at) values (:jobId, "
						+ ":agentId, :batchId, :chatId, :testCaseId, :testCaseLabel, :outcome, :created, :completed, "
						+ ":archivedAt, :runJson, :chatJson, coalesce((select b.created_at from archived_batch b "
						+ "where b.batch_id = :batchId), :created, :archivedAt)) on conflict do nothing")
				.param("jobId", run.jobId())
				.param("agentId", run.agentId())
				.param("batchId", run.batchId())
				.param("chatId", run.chatId(), Types.VARCHAR)
				.param("testCaseId", run.testCaseId(), Types.VARCHAR)
				.param("testCaseLabel", run.testCaseLabel(), Types.VARCHAR)
				.param("outcome", run.outcome().name().toLowerCase(Locale.ROOT))
				.param("created", at(run.created()), Types.TIMESTAMP_WITH_TIMEZONE)
				.param("completed", at(run.completed()), Types.TIMESTAMP_WITH_TIMEZONE)
				.param("archivedAt", at(run.archivedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
				.param("runJson", run.runJson())
				.param("chatJson", run.chatJson(), Types.VARCHAR)
				.update();
			if (inserted == 0) {
				return false;
			}
			long id = this.jdbc.sql("select id from archived_run where job_id = ?")
				.param(run.jobId())
				.query(Long.class)
				.single();
			insertTexts(id, kept);
			return true;
		}));
	}

	/**
	 * Archives several finished runs in one transaction, each unless it is archived
	 * already.
	 * @return how many this call stored
	 */
	public int saveRuns(List<Map.Entry<ArchivedRun, List<SearchText>>> runs) {
		Integer stored = this.transactions.execute((status) -> {
			int count = 0;
			for (Map.Entry<ArchivedRun, List<SearchText>> run : runs) {
				count += saveRun(run.getKey(), run.getValue()) ? 1 : 0;
			}
			return count;
		});
		return (stored != null) ? stored : 0;
	}

	/**
	 * Adds a chat that holds archived runs' conversation (the older dialect), with its
	 * messages for search, to each archived run of it that has no chat yet.
	 * @return how many runs got it
	 */
	public int saveChat(String chatId, String chatJson, List<SearchText> messages) {
		Integer saved = this.transactions.execute((status) -> {
			List<Long> ids = this.jdbc.sql("select id from archived_run where chat_id = ? and chat_json is null")
				.param(chatId)
				.query(Long.class)
				.list();
			int count = 0;
			for (long id : ids) {
				if (this.jdbc.sql("update archived_run set chat_json = ? where id = ? and chat_json is null")
					.param(chatJson)
					.param(id)
					.update() == 0) {
					continue;
				}
				count++;
				insertTexts(id,
						messages.stream()
							.filter((text) -> text.kind() == SearchText.Kind.MESSAGE && !text.body().isBlank())
							.toList());
			}
			return count;
		});
		return (saved != null) ? saved : 0;
	}

	/**
	 * Marks an archived batch as having all its runs archived, so its run list is read
	 * from here.
	 * @return whether the batch is archived and was not marked before
	 */
	public boolean markRunsArchived(String batchId, int runCount) {
		return this.jdbc.sql(
				"update archived_batch set runs_archived = true, run_count = ? where batch_id = ? and not runs_archived")
			.param(runCount)
			.param(batchId)
			.update() > 0;
	}

	/** Adds the texts search reads of the archived run {@code runId}. */
	private void insertTexts(long runId, List<SearchText> texts) {
		List<Object[]> rows = texts.stream()
			.map((text) -> new Object[] { runId, text.kind().column(), text.number(), text.speaker(), text.body() })
			.toList();
		this.batches.batchUpdate(
				"insert into archived_text (run_id, kind, ordinal, speaker, body) values (?, ?, ?, ?, ?)", rows,
				new int[] { Types.BIGINT, Types.VARCHAR, Types.INTEGER, Types.VARCHAR, Types.VARCHAR });
	}

	/** The archived run with this job ID. */
	public Optional<ArchivedRun> findRun(String jobId) {
		return this.jdbc.sql("select " + RUN_COLUMNS + " from archived_run where job_id = ?")
			.param(jobId)
			.query(Archive::run)
			.optional();
	}

	/**
	 * The body kept for the archived run with this job ID, when it was rendered from
	 * {@code renderedFrom}; else empty.
	 */
	public Optional<RenderedBody> findBody(String jobId, String renderedFrom) {
		return this.jdbc
			.sql("select b.rendered_from, b.html, b.seal from rendered_body b join archived_run r on r.id = b.run_id "
					+ "where r.job_id = ? and b.rendered_from = ?")
			.param(jobId)
			.param(renderedFrom)
			.query((rs, row) -> new RenderedBody(rs.getString(1), rs.getString(2), rs.getString(3)))
			.optional();
	}

	/**
	 * Keeps a body rendered for an archived run, in place of any kept before.
	 * @return whether it was kept: not when the run is not archived, or another replica
	 * kept one for it at the same moment
	 */
	public boolean saveBody(String jobId, RenderedBody body) {
		try {
			return Boolean.TRUE.equals(this.transactions.execute((status) -> {
				Optional<Long> id = this.jdbc.sql("select id from archived_run where job_id = ?")
					.param(jobId)
					.query(Long.class)
					.optional();
				if (id.isEmpty()) {
					return false;
				}
				this.jdbc.sql("delete from rendered_body where run_id = ?").param(id.get()).update();
				return this.jdbc
					.sql("insert into rendered_body (run_id, rendered_from, html, seal) values (?, ?, ?, ?)")
					.param(id.get())
					.param(body.renderedFrom())
					.param(body.html())
					.param(body.seal())
					.update() == 1;
			}));
		}
		catch (DuplicateKeyException ex) {
			// Another replica kept one at the same moment: either will do (one rendered
			// from something else is replaced when next read).
			return false;
		}
	}

	/**
	 * The archived run whose conversation is this chat (the newest, should several be).
	 */
	public Optional<ArchivedRun> findRunByChat(String chatId) {
		return this.jdbc
			.sql("select " + RUN_COLUMNS + " from archived_run where chat_id = ? "
					+ "order by created_at desc nulls last, job_id limit 1")
			.param(chatId)
			.query(Archive::run)
			.optional();
	}

	/** The archived runs of a batch, oldest first. */
	public List<ArchivedRun> runsOfBatch(String batchId) {
		return this.jdbc
			.sql("select " + RUN_COLUMNS + " from archived_run where batch_id = ? "
					+ "order by created_at nulls last, job_id")
			.param(batchId)
			.query(Archive::run)
			.list();
	}

	/** The job IDs of a batch's archived runs: what archiving it whole may skip. */
	public Set<String> archivedJobIds(String batchId) {
		return this.jdbc.sql("select job_id from archived_run where batch_id = ?")
			.param(batchId)
			.query(String.class)
			.set();
	}

	/**
	 * The job IDs of a batch's archived runs that have their chat archived with them (the
	 * older dialect): what archiving a pinned batch's conversations may skip.
	 */
	public Set<String> jobIdsWithChat(String batchId) {
		return this.jdbc.sql("select job_id from archived_run where batch_id = ? and chat_json is not null")
			.param(batchId)
			.query(String.class)
			.set();
	}

	// --- batches

	/**
	 * Archives a finished batch unless it is archived already; a batch whose runs are all
	 * archived now ({@link ArchivedBatch#runsArchived()}) is marked so either way.
	 * @return whether this call stored it; {@code false} when it was there before
	 */
	public boolean saveBatch(ArchivedBatch batch) {
		return Boolean.TRUE.equals(this.transactions.execute((status) -> {
			int inserted = this.jdbc
				.sql("insert into archived_batch (" + BATCH_COLUMNS + ") values (:batchId, "
						+ ":agentId, :created, :completed, :runCount, :runsArchived, :archivedAt, :batchJson) "
						+ "on conflict do nothing")
				.param("batchId", batch.batchId())
				.param("agentId", batch.agentId())
				.param("created", at(batch.created()), Types.TIMESTAMP_WITH_TIMEZONE)
				.param("completed", at(batch.completed()), Types.TIMESTAMP_WITH_TIMEZONE)
				.param("runCount", batch.runCount())
				.param("runsArchived", batch.runsArchived())
				.param("archivedAt", at(batch.archivedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
				.param("batchJson", batch.batchJson())
				.update();
			if (inserted > 0 && batch.created() != null) {
				// Its runs archived before it are listed by its start from now on. (A run
				// saved by another writer at this very moment keeps its own start: it is
				// only listed a little out of place.)
				this.jdbc
					.sql("update archived_run set listed_at = :created where batch_id = :batchId "
							+ "and listed_at <> :created")
					.param("created", at(batch.created()), Types.TIMESTAMP_WITH_TIMEZONE)
					.param("batchId", batch.batchId())
					.update();
			}
			if (inserted > 0 && !batch.runsArchived()) {
				// Its run list may have been archived before it (the two are fetched at
				// once and written in the order they come), when marking it found no
				// batch: its runs, all there, say so now.
				this.jdbc
					.sql("update archived_batch set runs_archived = true where batch_id = :batchId and run_count > 0 "
							+ "and run_count <= (select count(*) from archived_run r where r.batch_id = :batchId)")
					.param("batchId", batch.batchId())
					.update();
			}
			if (inserted == 0 && batch.runsArchived()) {
				this.jdbc.sql("update archived_batch set runs_archived = true where batch_id = ? and not runs_archived")
					.param(batch.batchId())
					.update();
			}
			return inserted > 0;
		}));
	}

	/** The archived batch with this ID. */
	public Optional<ArchivedBatch> findBatch(String batchId) {
		return this.jdbc.sql("select " + BATCH_COLUMNS + " from archived_batch where batch_id = ?")
			.param(batchId)
			.query(Archive::batch)
			.optional();
	}

	// --- pins

	/**
	 * Pins a batch, unless it is pinned already (the first name stays).
	 * @return whether this call pinned it
	 */
	public boolean pin(Pin pin) {
		return this.jdbc
			.sql("insert into batch_pin (" + PIN_COLUMNS + ") values (:batchId, :agentId, :name, :pinnedBy, "
					+ ":pinnedAt, :runsKnown, :runsArchived, :state) on conflict do nothing")
			.param("batchId", pin.batchId())
			.param("agentId", pin.agentId())
			.param("name", pin.name())
			.param("pinnedBy", pin.pinnedBy())
			.param("pinnedAt", at(pin.pinnedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
			.param("runsKnown", pin.runsKnown())
			.param("runsArchived", pin.runsArchived())
			.param("state", pin.state().column())
			.update() > 0;
	}

	/**
	 * Unpins a batch: its runs are then subject to the retention like any other.
	 * @return whether it was pinned
	 */
	public boolean unpin(String batchId) {
		return this.jdbc.sql("delete from batch_pin where batch_id = ?").param(batchId).update() > 0;
	}

	/** The pin of a batch, if it is pinned. */
	public Optional<Pin> findPin(String batchId) {
		return this.jdbc.sql("select " + PIN_COLUMNS + " from batch_pin where batch_id = ?")
			.param(batchId)
			.query(Archive::pin)
			.optional();
	}

	/** An agent's pinned batches, the last pinned first. */
	public List<Pin> pins(String agentId) {
		return this.jdbc
			.sql("select " + PIN_COLUMNS + " from batch_pin where agent_id = ? order by pinned_at desc, batch_id")
			.param(agentId)
			.query(Archive::pin)
			.list();
	}

	/**
	 * Every pin whose runs are still being archived, the first pinned first: what to
	 * resume.
	 */
	public List<Pin> pinsArchiving() {
		return this.jdbc.sql("select " + PIN_COLUMNS + " from batch_pin where state = ? order by pinned_at, batch_id")
			.param(Pin.State.ARCHIVING.column())
			.query(Archive::pin)
			.list();
	}

	/**
	 * Records how far archiving a pinned batch's runs has come.
	 * @return whether the batch is pinned (an unpinned one is left alone)
	 */
	public boolean updatePinProgress(String batchId, int runsKnown, int runsArchived, Pin.State state) {
		return this.jdbc
			.sql("update batch_pin set runs_known = :runsKnown, runs_archived = :runsArchived, state = :state "
					+ "where batch_id = :batchId")
			.param("runsKnown", runsKnown)
			.param("runsArchived", runsArchived)
			.param("state", state.column())
			.param("batchId", batchId)
			.update() > 0;
	}

	// --- retention and figures

	/**
	 * The retention: removes the runs and batches archived before {@code cutoff}, except
	 * those of pinned batches. A batch that loses runs no longer has them all archived.
	 */
	public Dropped dropUnpinnedOlderThan(Instant cutoff) {
		OffsetDateTime before = at(cutoff);
		return this.transactions.execute((status) -> {
			this.jdbc
				.sql("update archived_batch set runs_archived = false where runs_archived and exists (select 1 from "
						+ "archived_run r where r.batch_id = archived_batch.batch_id and r.archived_at < :cutoff) and "
						+ UNPINNED.formatted("archived_batch"))
				.param("cutoff", before)
				.update();
			int runs = this.jdbc
				.sql("delete from archived_run where archived_at < :cutoff and " + UNPINNED.formatted("archived_run"))
				.param("cutoff", before)
				.update();
			int batches = this.jdbc
				.sql("delete from archived_batch where archived_at < :cutoff and "
						+ UNPINNED.formatted("archived_batch"))
				.param("cutoff", before)
				.update();
			return new Dropped(runs, batches);
		});
	}

	/** How big the archive is. */
	public ArchiveStats stats() {
		Long size = this.jdbc.sql(this.vendor.sizeQuery()).query(Long.class).optional().orElse(null);
		return this.jdbc.sql("select (select count(*) from archived_run) as runs, "
				+ "(select count(*) from archived_batch) as batches, (select count(*) from archived_text) as texts, "
				+ "(select count(*) from batch_pin) as pins, (select min(archived_at) from archived_run) as oldest_run, "
				+ "(select min(archived_at) from archived_batch) as oldest_batch")
			.query((rs, row) -> {
				Instant oldestRun = instant(rs, "oldest_run");
				Instant oldestBatch = instant(rs, "oldest_batch");
				Instant oldest = (oldestRun == null || (oldestBatch != null && oldestBatch.isBefore(oldestRun)))
						? oldestBatch : oldestRun;
				return new ArchiveStats(this.database, size, rs.getLong("runs"), rs.getLong("batches"),
						rs.getLong("texts"), rs.getLong("pins"), oldest);
			})
			.single();
	}

	// --- search

	/**
	 * Searches the texts of an agent's archived runs: a text matches when it has every
	 * word and phrase of the query and none of its exclusions (see {@link SearchQuery}).
	 * Runs come newest batch first (its start as archived, else its run's), newest run
	 * first within it, each with its matching texts.
	 * <p>
	 * On PostgreSQL a word is matched by full text (English: "refund" also finds
	 * "refunds"); a word full text cannot index (a stop word such as "not") and a quoted
	 * phrase are found as typed, case aside. On H2 every term is found as typed, inside
	 * words too ("fund" finds "refund").
	 * @param limit the most runs to return (at most {@link #MAX_HITS})
	 */
	public List<SearchHit> search(String agentId, SearchQuery query, SearchFilters filters, int limit) {
		if (query.isEmpty() || limit < 1) {
			return List.of();
		}
		TextMatch match = TextMatch.of(query, this.vendor, this::indexable);
		StringBuilder runs = new StringBuilder("r.agent_id = :agentId");
		Map<String, Object> params = new LinkedHashMap<>(match.params());
		params.put("agentId", agentId);
		params.put("limit", Math.min(limit, MAX_HITS));
		if (filters.outcome() != null) {
			runs.append(" and r.outcome = :outcome");
			params.put("outcome", filters.outcome().name().toLowerCase(Locale.ROOT));
		}
		if (filters.testCaseId() != null) {
			runs.append(" and r.test_case_id = :testCaseId");
			params.put("testCaseId", filters.testCaseId());
		}
		if (filters.from() != null) {
			runs.append(" and r.listed_at >= :from");
			params.put("from", at(filters.from()));
		}
		if (filters.until() != null) {
			runs.append(" and r.listed_at < :until");
			params.put("until", at(filters.until()));
		}
		String matching = "exists (select 1 from archived_text t where t.run_id = %s.id and " + match.sql() + ")";
		List<Long> ids = List.of();
		if (this.firstWalk > 0) {
			// The newest runs, in the agent's index; each one's texts read through the
			// run's own rows, until the page is full.
			ids = this.jdbc
				.sql("select w.id from (select r.id, r.listed_at, r.batch_id, r.created_at from archived_run r where "
						+ runs + NEWEST_FIRST.formatted("r") + " limit :firstWalk) w where " + matching.formatted("w")
						+ NEWEST_FIRST.formatted("w") + " limit :limit")
				.params(params)
				.param("firstWalk", this.firstWalk)
				.query(Long.class)
				.list();
		}
		if (ids.size() < Math.min(limit, MAX_HITS)) {
			List<Long> texts = this.jdbc
				.sql("select t.run_id from archived_text t where " + match.sql() + " limit :probe")
				.params(match.params())
				.param("probe", this.rare + 1)
				.query(Long.class)
				.list();
			if (texts.isEmpty()) {
				return List.of();
			}
			boolean rare = texts.size() <= this.rare;
			if (rare) {
				params.put("matching", new HashSet<>(texts));
			}
			ids = this.jdbc
				.sql("select r.id from archived_run r where " + runs
						+ (rare ? " and r.id in (:matching)" : " and " + matching.formatted("r"))
						+ NEWEST_FIRST.formatted("r") + " limit :limit")
				.params(params)
				.query(Long.class)
				.list();
		}
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, SearchHit> hits = new LinkedHashMap<>();
		ids.forEach((id) -> hits.put(id, null));
		this.jdbc
			.sql("select r.id, r.job_id, r.batch_id, r.test_case_id, r.test_case_label, r.outcome, r.created_at, "
					+ "b.created_at as batch_created_at from archived_run r "
					+ "left join archived_batch b on b.batch_id = r.batch_id where r.id in (:ids)")
			.param("ids", ids)
			.query((ResultSet rs) -> {
				hits.put(rs.getLong("id"),
						new SearchHit(rs.getString("job_id"), rs.getString("batch_id"), rs.getString("test_case_id"),
								rs.getString("test_case_label"), verdict(rs.getString("outcome")),
								instant(rs, "created_at"), instant(rs, "batch_created_at"), 0, List.of()));
			});
		// A run dropped by retention meanwhile is left out.
		hits.values().removeIf(Objects::isNull);
		Map<Long, List<TextRow>> texts = new LinkedHashMap<>();
		this.jdbc
			// The runs' own texts first, then the match among them: behind the fence
			// (offset 0) no planner reads a whole text index for a common phrase, which
			// cost PostgreSQL 100-360 ms where the runs' texts take a few.
			.sql("select t.run_id, t.kind, t.ordinal, t.speaker, t.body from (select * from archived_text "
					+ "where run_id in (:runIds) offset 0 rows) t where " + match.sql())
			.params(match.params())
			.param("runIds", hits.keySet())
			.query((ResultSet rs) -> {
				texts.computeIfAbsent(rs.getLong("run_id"), (id) -> new ArrayList<>())
					.add(new TextRow(SearchText.Kind.ofColumn(rs.getString("kind")), rs.getInt("ordinal"),
							rs.getString("speaker"), rs.getString("body")));
			});
		List<String> marks = query.required().stream().map(SearchQuery.Term::value).toList();
		return hits.entrySet().stream().map((entry) -> {
			List<TextRow> found = texts.getOrDefault(entry.getKey(), List.of());
			List<SearchHit.Match> matches = found.stream()
				.sorted(Comparator.comparing(TextRow::kind).thenComparingInt(TextRow::number))
				.limit(MATCHES_PER_RUN)
				.map((text) -> new SearchHit.Match(text.kind(), text.number(), text.speaker(),
						Snippet.of(text.body(), marks)))
				.toList();
			SearchHit hit = entry.getValue();
			return new SearchHit(hit.jobId(), hit.batchId(), hit.testCaseId(), hit.testCaseLabel(), hit.outcome(),
					hit.created(), hit.batchCreated(), found.size(), matches);
		}).toList();
	}

	/**
	 * Which of these words PostgreSQL's full text can index: those that leave a lexeme
	 * once stop words and punctuation are gone.
	 */
	private boolean[] indexable(List<String> words) {
		if (words.isEmpty()) {
			return new boolean[0];
		}
		StringBuilder sql = new StringBuilder("select ");
		Map<String, Object> params = new LinkedHashMap<>();
		for (int i = 0; i < words.size(); i++) {
			sql.append((i > 0) ? ", " : "")
				.append("numnode(plainto_tsquery('" + Vendor.TEXT_SEARCH_CONFIG + "', :w" + i + ")) > 0");
			params.put("w" + i, words.get(i));
		}
		return this.jdbc.sql(sql.toString()).params(params).query((rs, row) -> {
			boolean[] indexable = new boolean[words.size()];
			for (int i = 0; i < indexable.length; i++) {
				indexable[i] = rs.getBoolean(i + 1);
			}
			return indexable;
		}).single();
	}

	// --- rows

	private static ArchivedRun run(ResultSet rs, int row) throws SQLException {
		return new ArchivedRun(rs.getString("job_id"), rs.getString("agent_id"), rs.getString("batch_id"),
				rs.getString("chat_id"), rs.getString("test_case_id"), rs.getString("test_case_label"),
				verdict(rs.getString("outcome")), instant(rs, "created_at"), instant(rs, "completed_at"),
				instant(rs, "archived_at"), rs.getString("run_json"), rs.getString("chat_json"));
	}

	private static ArchivedBatch batch(ResultSet rs, int row) throws SQLException {
		return new ArchivedBatch(rs.getString("batch_id"), rs.getString("agent_id"), instant(rs, "created_at"),
				instant(rs, "completed_at"), rs.getInt("run_count"), rs.getBoolean("runs_archived"),
				instant(rs, "archived_at"), rs.getString("batch_json"));
	}

	private static Pin pin(ResultSet rs, int row) throws SQLException {
		return new Pin(rs.getString("batch_id"), rs.getString("agent_id"), rs.getString("name"),
				rs.getString("pinned_by"), instant(rs, "pinned_at"), rs.getInt("runs_known"),
				rs.getInt("runs_archived"), Pin.State.ofColumn(rs.getString("state")));
	}

	private static Verdict verdict(String column) {
		return Verdict.valueOf(column.toUpperCase(Locale.ROOT));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static OffsetDateTime at(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	private record TextRow(SearchText.Kind kind, int number, String speaker, String body) {

	}

}
