package dev.simboard.security;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where sign-in sessions live.
 *
 * @param store {@code memory} (each Simboard its own; a restart signs everyone out),
 * {@code jdbc} (Simboard's database, shared by replicas on one PostgreSQL) or
 * {@code redis} (the Redis at {@code redis-url})
 * @param redisUrl the Redis of the {@code redis} store, such as
 * {@code redis://127.0.0.1:6379}
 * @param namespace the prefix of every Redis key of this Simboard's (sessions, sign-in
 * failures, SigmaMind's pause): replicas of one Simboard share it, other Simboards on the
 * same Redis need their own
 * @param keptFor with the {@code redis} store, how long each replica keeps a session it
 * read, rather than ask Redis on every request; a session changed or ended on any replica
 * is forgotten by all at once (Redis tells them), or after this time should that message
 * be lost; {@code 0} asks Redis every time
 */
@ConfigurationProperties("simboard.sessions")
public record SessionSettings(@DefaultValue("memory") Store store, @DefaultValue("redis://127.0.0.1:6379") URI redisUrl,
		@DefaultValue("simboard") String namespace, @DefaultValue("5s") Duration keptFor) {

	public SessionSettings {
		if (!namespace.matches("[A-Za-z0-9_.-]{1,64}")) {
			throw new IllegalArgumentException(
					"simboard.sessions.namespace must be 1 to 64 of A-Z a-z 0-9 _ . -, such as simboard");
		}
		if (keptFor.isNegative()) {
			throw new IllegalArgumentException("simboard.sessions.kept-for must be 0 or more, such as 5s");
		}
		if (redisUrl.getHost() == null
				|| !("redis".equals(redisUrl.getScheme()) || "rediss".equals(redisUrl.getScheme()))) {
			throw new IllegalArgumentException(
					"simboard.sessions.redis-url must be a redis:// or rediss:// URL with a host, such as redis://redis:6379");
		}
	}

	/** Where sessions live. */
	public enum Store {

		MEMORY, JDBC, REDIS

	}

}
