package dev.simboard.security;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.Session;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shared store's sessions are written when they change, and their access now and then.
 */
class LazyTouchSessionsTests {

	// Now: the map store drops sessions idle for longer than their 30 minutes.
	private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	private final ConcurrentHashMap<String, Session> stored = new ConcurrentHashMap<>();

	private final LazyTouchSessions<MapSession> sessions = new LazyTouchSessions<>(
			new MapSessionRepository(this.stored), Duration.ofMinutes(1));

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

	private String saved(String name, String value) {
		LazyTouchSessions.Tracked<MapSession> created = this.sessions.createSession();
		created.setLastAccessedTime(T0);
		created.setAttribute(name, value);
		this.sessions.save(created);
		return created.getId();
	}

}
