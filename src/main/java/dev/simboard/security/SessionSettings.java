package dev.simboard.security;

import java.net.URI;

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
 */
@ConfigurationProperties("simboard.sessions")
public record SessionSettings(@DefaultValue("memory") Store store,
		@DefaultValue("redis://127.0.0.1:6379") URI redisUrl) {

	public SessionSettings {
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
