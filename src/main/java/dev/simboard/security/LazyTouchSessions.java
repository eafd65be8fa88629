package dev.simboard.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * A shared store's sessions, written only when something in them changed, or when their
 * last access is at least {@code touchEvery} older than the one stored. Spring Session
 * writes a session's last access on every request otherwise, a round trip to the store
 * that a cached page would mostly spend waiting for; the price is that a session may end
 * up to {@code touchEvery} before its idle timeout.
 *
 * @param <S> the store's sessions
 */
final class LazyTouchSessions<S extends Session> implements SessionRepository<LazyTouchSessions.Tracked<S>> {

	private final SessionRepository<S> store;

	private final Duration touchEvery;

	LazyTouchSessions(SessionRepository<S> store, Duration touchEvery) {
		this.store = store;
		this.touchEvery = touchEvery;
	}

	@Override
	public Tracked<S> createSession() {
		return new Tracked<>(this.store.createSession(), null);
	}

	@Override
	public void save(Tracked<S> session) {
		if (session.changed || session.stored == null
				|| Duration.between(session.stored, session.getLastAccessedTime()).compareTo(this.touchEvery) >= 0) {
			this.store.save(session.session);
		}
	}

	@Override
	public Tracked<S> findById(String id) {
		S found = this.store.findById(id);
		return (found != null) ? new Tracked<>(found, found.getLastAccessedTime()) : null;
	}

	@Override
	public void deleteById(String id) {
		this.store.deleteById(id);
	}

	/**
	 * A session of the store, with what was done to it besides an access.
	 *
	 * @param <S> the store's sessions
	 */
	static final class Tracked<S extends Session> implements Session {

		private final S session;

		/** Its last access as stored; {@code null} for a new session. */
		private final Instant stored;

		private boolean changed;

		Tracked(S session, Instant stored) {
			this.session = session;
			this.stored = stored;
		}

		@Override
		public String getId() {
			return this.session.getId();
		}

		@Override
		public String changeSessionId() {
			this.changed = true;
			return this.session.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String name) {
			return this.session.getAttribute(name);
		}

		@Override
		public Set<String> getAttributeNames() {
			return this.session.getAttributeNames();
		}

		@Override
		public void setAttribute(String name, Object value) {
			this.changed = true;
			this.session.setAttribute(name, value);
		}

		@Override
		public void removeAttribute(String name) {
			this.changed = true;
			this.session.removeAttribute(name);
		}

		@Override
		public Instant getCreationTime() {
			return this.session.getCreationTime();
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			this.session.setLastAccessedTime(lastAccessedTime);
		}

		@Override
		public Instant getLastAccessedTime() {
			return this.session.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			this.changed = true;
			this.session.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return this.session.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return this.session.isExpired();
		}

	}

}
