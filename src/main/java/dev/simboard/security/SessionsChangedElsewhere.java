package dev.simboard.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import org.slf4j.LoggerFactory;

import dev.simboard.logging.Warnings;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Hears of sessions other replicas changed or ended, so that this one forgets the copies
 * it keeps. Listening starts in the background and is tried again until Redis answers: a
 * Redis down at start-up must not stop Simboard from starting, and while no one listens a
 * kept copy still lasts no longer than {@code simboard.sessions.kept-for}. Once
 * subscribed, Lettuce subscribes again by itself after a lost connection.
 */
final class SessionsChangedElsewhere implements SchedulingConfigurer, DisposableBean {

	/** How often listening is tried while Redis does not answer. */
	private static final Duration RETRY = Duration.ofSeconds(10);

	private final RedisMessageListenerContainer container = new RedisMessageListenerContainer();

	private final Warnings warnings;

	SessionsChangedElsewhere(RedisConnectionFactory connections, LazyTouchSessions<?> sessions, String channel,
			Clock clock) {
		this.container.setConnectionFactory(connections);
		this.container.addMessageListener(
				(message, pattern) -> sessions.forget(new String(message.getBody(), StandardCharsets.UTF_8)),
				new ChannelTopic(channel));
		this.container.afterPropertiesSet();
		this.warnings = new Warnings(LoggerFactory.getLogger(SessionsChangedElsewhere.class), clock);
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new FixedDelayTask(this::listen, RETRY, Duration.ZERO));
	}

	/** Starts listening, unless it already does. */
	void listen() {
		if (this.container.isListening()) {
			return;
		}
		try {
			this.container.start();
		}
		catch (RuntimeException ex) {
			this.container.stop();
			this.warnings.warn("sessions-listen",
					"Not hearing of sessions changed on other replicas yet (Redis: {}); "
							+ "a sign-out there reaches this replica within simboard.sessions.kept-for",
					NestedExceptionUtils.getMostSpecificCause(ex).toString());
		}
	}

	@Override
	public void destroy() throws Exception {
		this.container.destroy();
	}

}
