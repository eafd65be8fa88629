package dev.simboard.sigmamind;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import dev.simboard.logging.Warnings;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The pause in Redis, with {@code simboard.sessions.store=redis}: one key per SigmaMind
 * account (its URL and key, digested), holding the pause's end in epoch milliseconds.
 * Every call reads it (one GET, without blocking a thread); a 429 extends it, never
 * shortens it. When Redis does not answer, each replica keeps to its own pause, with one
 * WARN line a minute.
 */
@Component
@ConditionalOnProperty(name = "simboard.sessions.store", havingValue = "redis")
class RedisPause implements SharedPause {

	/** Sets the key to ARGV[1] unless it holds a later end already. */
	private static final RedisScript<Long> EXTEND = RedisScript.of("""
			local now = tonumber(redis.call('GET', KEYS[1]) or '0')
			if now < tonumber(ARGV[1]) then
				redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
				return 1
			end
			return 0""", Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final String key;

	private final Clock clock;

	private final Warnings warnings;

	RedisPause(ReactiveRedisConnectionFactory connections, SigmaMindTarget target, Clock clock,
			@Value("${simboard.sessions.namespace:simboard}") String namespace) {
		this.redis = new ReactiveStringRedisTemplate(connections);
		this.key = namespace + ":sigmamind-pause:" + digest(target.baseUrl() + "\n" + target.apiKey());
		this.clock = clock;
		this.warnings = new Warnings(LoggerFactory.getLogger(RedisPause.class), clock);
	}

	@Override
	public Mono<Instant> until() {
		return this.redis.opsForValue()
			.get(this.key)
			.map((millis) -> Instant.ofEpochMilli(Long.parseLong(millis)))
			.defaultIfEmpty(Instant.MIN)
			.onErrorResume((ex) -> {
				this.warnings.warn("read",
						"The shared pause could not be read from Redis; this Simboard keeps its own: {}",
						ex.toString());
				return Mono.just(Instant.MIN);
			});
	}

	@Override
	public Mono<Void> extend(Instant until) {
		// Kept a minute past its end, so that a clock a little off still sees it.
		long keepFor = Math.max(1, Duration.between(this.clock.instant(), until).toMillis()) + 60_000;
		return this.redis
			.execute(EXTEND, List.of(this.key), List.of(Long.toString(until.toEpochMilli()), Long.toString(keepFor)))
			.then()
			.onErrorResume((ex) -> {
				this.warnings.warn("write",
						"The shared pause could not be kept in Redis; this Simboard keeps its own: {}", ex.toString());
				return Mono.empty();
			});
	}

	private static String digest(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)))
				.substring(0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
