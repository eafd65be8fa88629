package dev.simboard.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import org.springframework.dao.DataAccessException;
import org.springframework.session.MapSession;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * A shared store's sessions, read and written as little as a cached page allows.
 * <ul>
 * <li>Written only when something in them changed, or when their last access is at least
 * {@code touchEvery} older than the one stored. Spring Session writes a session's last
 * access on every request otherwise; the price is that a session may end up to
 * {@code touchEvery} before its idle timeout.</li>
 * <li>Optionally read once per {@code keepFor} on each replica (a near cache): every
 * request of a signed-in user would otherwise wait for a round trip to the store and
 * deserialize the security context. A session changed or ended on any replica is
 * forgotten here at once through {@link #forget(String)}, which the replica that changed
 * it calls by way of {@code tellOthers}; should that message be lost, a kept copy is
 * still used for no longer than {@code keepFor}.</li>
 * </ul>
 * A request is served from its own copy of a kept session; the first change it makes
 * reads the store's session and makes the change there. The copies share their
 * attributes' values: Spring Security only reads them, but for sign-out, which clears the
 * security context of the session it ends (and so forgets it everywhere).
 *
 * @param <S> the store's sessions
 */
final class LazyTouchSessions<S extends Session> implements SessionRepository<LazyTouchSessions.Tracked<S>> {

	private final SessionRepository<S> store;

	private final Duration touchEvery;

	/** Sessions as last read from the store, by ID; {@code null} when off. */
	private final Cache<String, MapSession> kept;

	private final Consumer<String> tellOthers;

	/**
	 * Counts sessions forgotten: a read that saw one forgotten meanwhile keeps nothing.
	 */
	private final AtomicLong forgotten = new AtomicLong();

	LazyTouchSessions(SessionRepository<S> store, Duration touchEvery) {
		this(store, touchEvery, Duration.ZERO, Ticker.systemTicker(), (id) -> {
		});
	}

	LazyTouchSessions(SessionRepository<S> store, Duration touchEvery, Duration keepFor, Ticker ticker,
			Consumer<String> tellOthers) {
		this.store = store;
		this.touchEvery = touchEvery;
		this.kept = keepFor.isZero() ? null
				: Caffeine.newBuilder().expireAfterWrite(keepFor).maximumSize(10_000).ticker(ticker).build();
		this.tellOthers = tellOthers;
	}

	@Override
	public Tracked<S> createSession() {
		return new Tracked<>(this.store.createSession(), null, null, this::read);
	}

	@Override
	public void save(Tracked<S> session) {
		boolean touch = session.stored == null
				|| Duration.between(session.stored, session.getLastAccessedTime()).compareTo(this.touchEvery) >= 0;
		if (!(session.changed || touch) || !session.materialize()) {
			return;
		}
		fromStore(() -> {
			this.store.save(session.session);
			return null;
		});
		if (session.changed && session.stored != null) {
			changed(session.readAs);
			if (!session.readAs.equals(session.getId())) {
				changed(session.getId());
			}
		}
		else if (this.kept != null) {
			// Only its access: a fresh read here will see the access stored.
			this.kept.invalidate(session.getId());
		}
	}

	@Override
	public Tracked<S> findById(String id) {
		if (this.kept != null) {
			MapSession copy = this.kept.getIfPresent(id);
			if (copy != null && !copy.isExpired()) {
				return new Tracked<>(null, new MapSession(copy), copy.getLastAccessedTime(), this::read);
			}
		}
		long forgottenBefore = this.forgotten.get();
		S found = fromStore(() -> this.store.findById(id));
		if (found == null) {
			return null;
		}
		if (this.kept != null) {
			// Kept only if nothing was forgotten since the read began: atomic with
			// forget, so a sign-out elsewhere cannot slip in between.
			MapSession copy = new MapSession(found);
			this.kept.asMap().compute(id, (key, old) -> (this.forgotten.get() == forgottenBefore) ? copy : old);
		}
		return new Tracked<>(found, null, found.getLastAccessedTime(), this::read);
	}

	@Override
	public void deleteById(String id) {
		fromStore(() -> {
			this.store.deleteById(id);
			return null;
		});
		changed(id);
	}

	/** A session changed or ended on another replica: read it afresh next time. */
	void forget(String id) {
		if (this.kept != null) {
			this.kept.asMap().compute(id, (key, old) -> {
				this.forgotten.incrementAndGet();
				return null;
			});
		}
	}

	private S read(String id) {
		return fromStore(() -> this.store.findById(id));
	}

	/** The store's answer, any failure of it as one kind. */
	private static <T> T fromStore(Supplier<T> call) {
		try {
			return call.get();
		}
		catch (DataAccessException ex) {
			throw new SessionStoreUnavailableException(ex);
		}
	}

	private void changed(String id) {
		if (this.kept != null) {
			forget(id);
			this.tellOthers.accept(id);
		}
	}

	/**
	 * A session as one request sees it: the store's, or a copy of the one kept here until
	 * the request changes something.
	 *
	 * @param <S> the store's sessions
	 */
	static final class Tracked<S extends Session> implements Session {

		/** The store's session; {@code null} while the request reads a kept copy. */
		private S session;

		private final MapSession copy;

		/** Its last access as stored; {@code null} for a new session. */
		private final Instant stored;

		/** Its ID when read: a sign-in changes it. */
		private final String readAs;

		private final Function<String, S> reader;

		private boolean changed;

		/** Ended in the store while the request read a kept copy: nothing to save. */
		private boolean gone;

		Tracked(S session, MapSession copy, Instant stored, Function<String, S> reader) {
			this.session = session;
			this.copy = copy;
			this.stored = stored;
			this.readAs = (session != null) ? session.getId() : copy.getId();
			this.reader = reader;
		}

		/** Reads the store's session if the request has a copy; false if it is gone. */
		private boolean materialize() {
			if (this.session == null && !this.gone) {
				this.session = this.reader.apply(this.copy.getId());
				if (this.session == null) {
					this.gone = true;
				}
				else {
					this.session.setLastAccessedTime(this.copy.getLastAccessedTime());
				}
			}
			return !this.gone;
		}

		private Session current() {
			return (this.session != null) ? this.session : this.copy;
		}

		/** The session the request changes: the store's, or its copy if it is gone. */
		private Session changing() {
			this.changed = true;
			return materialize() ? this.session : this.copy;
		}

		@Override
		public String getId() {
			return current().getId();
		}

		@Override
		public String changeSessionId() {
			return changing().changeSessionId();
		}

		@Override
		public <T> T getAttribute(String name) {
			return current().getAttribute(name);
		}

		@Override
		public Set<String> getAttributeNames() {
			return current().getAttributeNames();
		}

		@Override
		public void setAttribute(String name, Object value) {
			changing().setAttribute(name, value);
		}

		@Override
		public void removeAttribute(String name) {
			changing().removeAttribute(name);
		}

		@Override
		public Instant getCreationTime() {
			return current().getCreationTime();
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			current().setLastAccessedTime(lastAccessedTime);
		}

		@Override
		public Instant getLastAccessedTime() {
			return current().getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			changing().setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return current().getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return current().isExpired();
		}

	}

}
