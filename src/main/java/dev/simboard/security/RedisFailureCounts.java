package dev.simboard.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.LoggerFactory;

import dev.simboard.logging.Warnings;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Sign-in failures counted in Redis, with {@code simboard.sessions.store=redis}: five
 * failures spread over two replicas lock as five on one. Each key is a sorted set of
 * failure times (epoch milliseconds) and a lock's end, both kept two hours. When Redis
 * does not answer, this Simboard counts on its own meanwhile, with one WARN line a
 * minute.
 */
@Component
@ConditionalOnProperty(name = "simboard.sessions.store", havingValue = "redis")
class RedisFailureCounts implements FailureCounts {

	private static final long KEEP_MILLIS = TimeUnit.HOURS.toMillis(2);

	/**
	 * Adds ARGV[1] (a time) as member ARGV[2]; drops those before ARGV[3] (an hour ago)
	 * but the last, and all but the latest ARGV[4]; counts those after ARGV[5].
	 */
	private static final RedisScript<Long> ADD = RedisScript.of("""
			redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
			if redis.call('ZCARD', KEYS[1]) > 1 then
				redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[3])
			end
			local size = redis.call('ZCARD', KEYS[1])
			local keep = tonumber(ARGV[4])
			if size > keep then
				redis.call('ZREMRANGEBYRANK', KEYS[1], 0, size - keep - 1)
			end
			redis.call('PEXPIRE', KEYS[1], ARGV[6])
			return redis.call('ZCOUNT', KEYS[1], '(' .. ARGV[5], '+inf')""", Long.class);

	private final StringRedisTemplate redis;

	private final String prefix;

	private final FailureCounts local = new LocalFailureCounts();

	private final Warnings warnings;

	RedisFailureCounts(RedisConnectionFactory connections, SessionSettings settings, Clock clock) {
		this.redis = new StringRedisTemplate(connections);
		this.prefix = settings.namespace() + ":sign-in:";
		this.warnings = new Warnings(LoggerFactory.getLogger(RedisFailureCounts.class), clock);
	}

	@Override
	public long add(String key, Instant now, int keep, Instant since) {
		return shared(() -> this.redis.execute(ADD, List.of(this.prefix + key), Long.toString(now.toEpochMilli()),
				now.toEpochMilli() + ":" + UUID.randomUUID(), Long.toString(now.minusSeconds(3600).toEpochMilli()),
				Integer.toString(keep), Long.toString(since.toEpochMilli()), Long.toString(KEEP_MILLIS)),
				() -> this.local.add(key, now, keep, since));
	}

	@Override
	public Instant latest(String key) {
		return shared(() -> time(this.redis.opsForZSet().reverseRangeWithScores(this.prefix + key, 0, 0)),
				() -> this.local.latest(key));
	}

	@Override
	public Instant oldest(String key) {
		return shared(() -> time(this.redis.opsForZSet().rangeWithScores(this.prefix + key, 0, 0)),
				() -> this.local.oldest(key));
	}

	@Override
	public Instant lockedUntil(String key) {
		Instant theirs = shared(() -> {
			String until = this.redis.opsForValue().get(this.prefix + "lock:" + key);
			return (until != null) ? Instant.ofEpochMilli(Long.parseLong(until)) : Instant.MIN;
		}, () -> Instant.MIN);
		Instant own = this.local.lockedUntil(key);
		return theirs.isAfter(own) ? theirs : own;
	}

	@Override
	public void lock(String key, Instant until) {
		this.local.lock(key, until);
		shared(() -> {
			this.redis.opsForValue()
				.set(this.prefix + "lock:" + key, Long.toString(until.toEpochMilli()), KEEP_MILLIS,
						TimeUnit.MILLISECONDS);
			return null;
		}, () -> null);
	}

	@Override
	public void forget(String key) {
		this.local.forget(key);
		shared(() -> this.redis.delete(List.of(this.prefix + key, this.prefix + "lock:" + key)), () -> 0L);
	}

	private static Instant time(Set<TypedTuple<String>> first) {
		if (first == null || first.isEmpty()) {
			return null;
		}
		Double score = first.iterator().next().getScore();
		return (score != null) ? Instant.ofEpochMilli(score.longValue()) : null;
	}

	/** Redis's answer; this Simboard's own when Redis does not answer. */
	private <T> T shared(Supplier<T> inRedis, Supplier<T> ownMeanwhile) {
		try {
			return inRedis.get();
		}
		catch (DataAccessException ex) {
			this.warnings.warn("redis",
					"Sign-in failures could not be counted in Redis; this Simboard counts its own " + "meanwhile: {}",
					ex.toString());
			return ownMeanwhile.get();
		}
	}

}
