package dev.simboard.security;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Ticker;

import org.junit.jupiter.api.Test;

import org.springframework.dao.QueryTimeoutException;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.Session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A shared store's sessions are written when they change, and their access now and then;
 * kept on a replica for a few seconds, and forgotten when any replica changes or ends
 * them.
 */
class LazyTouchSessionsTests {

	// Now: the map store drops sessions idle for longer than their 30 minutes.
	private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	private final ConcurrentHashMap<String, Session> stored = new ConcurrentHashMap<>();

	private final LazyTouchSessions<MapSession> sessions = new LazyTouchSessions<>(
			new MapSessionRepository(this.stored), Duration.ofMinutes(1));

	private final AtomicInteger reads = new AtomicInteger();

	/** What happens while the store answers a read: nothing, unless a test says. */
	private Runnable duringRead = () -> {
	};

	private final FakeTicker ticker = new FakeTicker();

	private final List<String> toldOthers = new ArrayList<>();

	/**
	 * Kept 5 seconds on this replica, as by default, over a store that counts its reads.
	 */
	private final LazyTouchSessions<MapSession> nearCached = new LazyTouchSessions<>(
			new MapSessionRepository(this.stored) {

				@Override
				public MapSession findById(String id) {
					LazyTouchSessionsTests.this.reads.incrementAndGet();
					MapSession found = super.findById(id);
					LazyTouchSessionsTests.this.duringRead.run();
					return found;
				}

			}, Duration.ofMinutes(1), Duration.ofSeconds(5), this.ticker, this.toldOthers::add);

	@Test
	void saveWhenOnlyAccessedSoonAfterThenNotWrittenAndWhenAMinuteLaterThenWritten() {
		String id = saved("user", "qa");

		LazyTouchSessions.Tracked<MapSession> soon = this.sessions.findById(id);
		soon.setLastAccessedTime(T0.plusSeconds(30));
		this.sessions.save(soon);
		assertThat(this.stored.get(id).getLastAccessedTime()).isEqualTo(T0);

		LazyTouchSessions.Tracked<MapSession> later = this.sessions.findById(id);
		later.setLastAccessedTime(T0.plusSeconds(60));
		this.sessions.save(later);
		assertThat(this.stored.get(id).getLastAccessedTime()).isEqualTo(T0.plusSeconds(60));
	}

	@Test
	void saveWhenAnAttributeChangesThenWrittenAtOnce() {
		String id = saved("user", "qa");

		LazyTouchSessions.Tracked<MapSession> changed = this.sessions.findById(id);
		changed.setLastAccessedTime(T0.plusSeconds(1));
		changed.setAttribute("csrf", "token");
		this.sessions.save(changed);

		assertThat((String) this.stored.get(id).getAttribute("csrf")).isEqualTo("token");
	}

	@Test
	void findWhenKeptThenTheStoreIsReadOnceUntilKeptForHasPassed() {
		String id = saved(this.nearCached, "user", "qa");
		this.reads.set(0);

		for (int request = 0; request < 5; request++) {
			assertThat((String) this.nearCached.findById(id).getAttribute("user")).isEqualTo("qa");
		}
		assertThat(this.reads).hasValue(1);

		this.ticker.advance(Duration.ofSeconds(5));
		this.nearCached.findById(id);
		assertThat(this.reads).hasValue(2);
	}

	@Test
	void findWhenTheSessionIsForgottenWhileItIsReadThenItIsNotKept() {
		String id = saved(this.nearCached, "user", "qa");
		this.duringRead = () -> this.nearCached.forget(id);
		this.nearCached.findById(id);
		this.duringRead = () -> {
		};
		this.reads.set(0);

		this.nearCached.findById(id);

		assertThat(this.reads).as("read from the store again, not from a copy kept too late").hasValue(1);
	}

	@Test
	void findWhenTheStoreDoesNotAnswerThenOneKindOfFailure() {
		LazyTouchSessions<MapSession> timingOut = new LazyTouchSessions<>(new MapSessionRepository(this.stored) {

			@Override
			public MapSession findById(String id) {
				throw new QueryTimeoutException("Redis command timed out");
			}

		}, Duration.ofMinutes(1), Duration.ofSeconds(5), this.ticker, this.toldOthers::add);

		assertThatThrownBy(() -> timingOut.findById("any")).isInstanceOf(SessionStoreUnavailableException.class)
			.hasCauseInstanceOf(QueryTimeoutException.class);
	}

	@Test
	void forgetWhenAnotherReplicaChangedTheSessionThenReadAfresh() {
		String id = saved(this.nearCached, "user", "qa");
		this.nearCached.findById(id);
		this.stored.get(id).setAttribute("user", "lead");

		this.nearCached.forget(id);

		assertThat((String) this.nearCached.findById(id).getAttribute("user")).isEqualTo("lead");
	}

	@Test
	void saveWhenAKeptSessionChangesThenTheStoreHasTheChangeAndOthersAreTold() {
		String id = saved(this.nearCached, "user", "qa");
		this.nearCached.findById(id);
		this.toldOthers.clear();

		LazyTouchSessions.Tracked<MapSession> request = this.nearCached.findById(id);
		request.setAttribute("csrf", "token");
		this.nearCached.save(request);

		assertThat((String) this.stored.get(id).getAttribute("csrf")).isEqualTo("token");
		assertThat((String) this.stored.get(id).getAttribute("user")).isEqualTo("qa");
		assertThat(this.toldOthers).containsExactly(id);
		assertThat((String) this.nearCached.findById(id).getAttribute("csrf")).isEqualTo("token");
	}

	@Test
	void saveWhenASignInChangesTheIdThenBothIdsAreForgottenEverywhere() {
		String id = saved(this.nearCached, "user", "qa");
		this.nearCached.findById(id);
		this.toldOthers.clear();

		LazyTouchSessions.Tracked<MapSession> request = this.nearCached.findById(id);
		String newId = request.changeSessionId();
		this.nearCached.save(request);

		assertThat(this.toldOthers).containsExactly(id, newId);
		assertThat(this.nearCached.findById(id)).isNull();
		assertThat((String) this.nearCached.findById(newId).getAttribute("user")).isEqualTo("qa");
	}

	@Test
	void deleteWhenSignedOutThenForgottenHereAndOthersAreTold() {
		String id = saved(this.nearCached, "user", "qa");
		this.nearCached.findById(id);

		this.nearCached.deleteById(id);

		assertThat(this.nearCached.findById(id)).isNull();
		assertThat(this.toldOthers).contains(id);
	}

	@Test
	void saveWhenTheKeptSessionEndedElsewhereThenNothingComesBack() {
		String id = saved(this.nearCached, "user", "qa");
		LazyTouchSessions.Tracked<MapSession> request = this.nearCached.findById(id);
		request = this.nearCached.findById(id);
		this.stored.remove(id);

		request.setAttribute("csrf", "token");
		this.nearCached.save(request);

		assertThat(this.stored).doesNotContainKey(id);
	}

	@Test
	void findWhenARequestTouchesItsCopyThenTheKeptSessionIsUnchanged() {
		String id = saved(this.nearCached, "user", "qa");
		this.nearCached.findById(id);

		LazyTouchSessions.Tracked<MapSession> first = this.nearCached.findById(id);
		first.setLastAccessedTime(T0.plusSeconds(20));

		assertThat(this.nearCached.findById(id).getLastAccessedTime()).isEqualTo(T0);
	}

	@Test
	void saveWhenAKeptSessionsAccessIsAMinuteOldThenWritten() {
		String id = saved(this.nearCached, "user", "qa");
		this.nearCached.findById(id);

		LazyTouchSessions.Tracked<MapSession> later = this.nearCached.findById(id);
		later.setLastAccessedTime(T0.plusSeconds(60));
		this.nearCached.save(later);

		assertThat(this.stored.get(id).getLastAccessedTime()).isEqualTo(T0.plusSeconds(60));
		assertThat((String) this.stored.get(id).getAttribute("user")).isEqualTo("qa");
	}

	private String saved(String name, String value) {
		return saved(this.sessions, name, value);
	}

	private static String saved(LazyTouchSessions<MapSession> sessions, String name, String value) {
		LazyTouchSessions.Tracked<MapSession> created = sessions.createSession();
		created.setLastAccessedTime(T0);
		created.setAttribute(name, value);
		sessions.save(created);
		return created.getId();
	}

	/** Caffeine's clock, moved by the test. */
	private static final class FakeTicker implements Ticker {

		private final AtomicLong nanos = new AtomicLong();

		@Override
		public long read() {
			return this.nanos.get();
		}

		void advance(Duration duration) {
			this.nanos.addAndGet(duration.toNanos());
		}

	}

}
