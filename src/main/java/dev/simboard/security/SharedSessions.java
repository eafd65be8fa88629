package dev.simboard.security;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

import com.github.benmanes.caffeine.cache.Ticker;
import org.slf4j.LoggerFactory;

import dev.simboard.logging.Warnings;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.serializer.JdkSerializationRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.session.SessionRepository;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.data.redis.RedisSessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Sessions every replica reads (see {@link SessionSettings}): sign in on one, carry on on
 * another, and a replica lost or restarted signs no one out. With the default store,
 * {@code memory}, none of this is set up and Tomcat keeps sessions as before.
 */
@Configuration(proxyBeanMethods = false)
class SharedSessions {

	/** The idle time after which a session ends: Boot's own setting, as in memory. */
	private static Duration timeout(Environment environment) {
		return environment.getProperty("server.servlet.session.timeout", Duration.class, Duration.ofMinutes(30));
	}

	/**
	 * The cookie as Tomcat's would be: same name, HttpOnly, SameSite=Lax, Secure over
	 * HTTPS.
	 */
	private static CookieSerializer cookie(Environment environment) {
		DefaultCookieSerializer cookie = new DefaultCookieSerializer();
		cookie.setCookieName(environment.getProperty("server.servlet.session.cookie.name", "JSESSIONID"));
		cookie.setUseHttpOnlyCookie(true);
		cookie.setSameSite("Lax");
		cookie.setUseBase64Encoding(false);
		return cookie;
	}

	/** The cookie of either shared store. */
	@Configuration(proxyBeanMethods = false)
	@Conditional(SharedStore.class)
	static class Cookie {

		@Bean
		CookieSerializer cookieSerializer(Environment environment) {
			return cookie(environment);
		}

		/**
		 * A page that says so, rather than a stack trace per request, when the store is
		 * down.
		 */
		@Bean
		FilterRegistrationBean<SessionStoreDown> sessionStoreDown(SessionSettings settings, Clock clock) {
			FilterRegistrationBean<SessionStoreDown> registration = new FilterRegistrationBean<>(
					new SessionStoreDown(settings.store(), clock));
			registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
			return registration;
		}

	}

	/** A shared store is set: {@code jdbc} or {@code redis}. */
	static class SharedStore extends AnyNestedCondition {

		SharedStore() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty(name = "simboard.sessions.store", havingValue = "jdbc")
		static class InPostgres {

		}

		@ConditionalOnProperty(name = "simboard.sessions.store", havingValue = "redis")
		static class InRedis {

		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "simboard.sessions.store", havingValue = "jdbc")
	@EnableJdbcHttpSession
	static class Jdbc {

		@Bean
		SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionTimeout(Environment environment) {
			return (repository) -> repository.setDefaultMaxInactiveInterval(timeout(environment));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "simboard.sessions.store", havingValue = "redis")
	@EnableSpringHttpSession
	@EnableScheduling
	static class Redis {

		@Bean
		LettuceConnectionFactory redisConnectionFactory(SessionSettings settings) {
			URI url = settings.redisUrl();
			RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(url.getHost(),
					(url.getPort() > 0) ? url.getPort() : 6379);
			if (url.getUserInfo() != null) {
				String[] user = url.getUserInfo().split(":", 2);
				if (user.length == 2) {
					server.setUsername(user[0].isEmpty() ? null : user[0]);
					server.setPassword(user[1]);
				}
				else {
					server.setPassword(user[0]);
				}
			}
			LettuceClientConfiguration.LettuceClientConfigurationBuilder client = LettuceClientConfiguration.builder()
				.commandTimeout(Duration.ofSeconds(2));
			if ("rediss".equals(url.getScheme())) {
				client.useSsl();
			}
			return new LettuceConnectionFactory(server, client.build());
		}

		@Bean
		LazyTouchSessions<?> sessionRepository(LettuceConnectionFactory connections, Environment environment,
				SessionSettings settings, Clock clock) {
			RedisTemplate<String, Object> redis = new RedisTemplate<>();
			redis.setConnectionFactory(connections);
			redis.setKeySerializer(RedisSerializer.string());
			redis.setHashKeySerializer(RedisSerializer.string());
			redis.setDefaultSerializer(new JdkSerializationRedisSerializer(SharedSessions.class.getClassLoader()));
			redis.afterPropertiesSet();
			RedisSessionRepository sessions = new RedisSessionRepository(redis);
			Duration timeout = timeout(environment);
			sessions.setDefaultMaxInactiveInterval(timeout);
			sessions.setRedisKeyNamespace(settings.namespace() + ":session");
			StringRedisTemplate messages = new StringRedisTemplate(connections);
			String channel = forgetChannel(settings);
			Warnings warnings = new Warnings(LoggerFactory.getLogger(SharedSessions.class), clock);
			Consumer<String> tellOthers = (id) -> {
				try {
					messages.convertAndSend(channel, id);
				}
				catch (RuntimeException ex) {
					warnings.warn("sessions-forget", "Other replicas could not be told of a session that changed "
							+ "or ended; they forget it within simboard.sessions.kept-for: {}", ex.toString());
				}
			};
			return lazy(sessions, timeout, settings.keptFor(), tellOthers);
		}

		@Bean
		SessionsChangedElsewhere sessionsChangedElsewhere(LettuceConnectionFactory connections,
				LazyTouchSessions<?> sessions, SessionSettings settings, Clock clock) {
			return new SessionsChangedElsewhere(connections, sessions, forgetChannel(settings), clock);
		}

		private static String forgetChannel(SessionSettings settings) {
			return settings.namespace() + ":session-changed";
		}

	}

	/**
	 * The store's sessions, their last access written at most every minute (a tenth of
	 * the idle timeout, if shorter) unless something else changed.
	 */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static LazyTouchSessions<?> lazy(SessionRepository store, Duration timeout, Duration keptFor,
			Consumer<String> tellOthers) {
		Duration tenth = timeout.dividedBy(10);
		return new LazyTouchSessions<>(store,
				(tenth.compareTo(Duration.ofMinutes(1)) < 0) ? tenth : Duration.ofMinutes(1), keptFor,
				Ticker.systemTicker(), tellOthers);
	}

}
