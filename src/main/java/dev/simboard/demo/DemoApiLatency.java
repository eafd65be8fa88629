package dev.simboard.demo;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.simboard.sigmamind.DemoModeCondition;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Holds back every answer of the demo API, errors included, until
 * {@code simboard.demo.latency} has passed since the request arrived, so that the demo
 * plays a SigmaMind that answers in a steady time with its own work counted inside it. It
 * waits just before the body is written: a filter waiting after the chain would come too
 * late, as a large body is already on its way by then.
 */
@ControllerAdvice(assignableTypes = DemoApiController.class)
@Conditional(DemoModeCondition.class)
class DemoApiLatency implements ResponseBodyAdvice<Object> {

	private final Duration latency;

	DemoApiLatency(DemoProperties properties) {
		this.latency = properties.latency();
	}

	// Web test slices load every controller advice but not the demo's properties; with
	// no demo API there, there is nothing to hold back.
	@Autowired
	DemoApiLatency(ObjectProvider<DemoProperties> properties) {
		this(properties.getIfAvailable(DemoProperties::defaults));
	}

	// With no latency this advice is never asked to write, so it adds nothing.
	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return this.latency.compareTo(Duration.ZERO) > 0;
	}

	@Override
	public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selectedContentType,
			Class<? extends HttpMessageConverter<?>> selectedConverterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		long now = System.nanoTime();
		Duration remaining = remaining(arrival(request, now), now);
		if (remaining.compareTo(Duration.ZERO) > 0) {
			try {
				TimeUnit.NANOSECONDS.sleep(remaining.toNanos());
			}
			catch (InterruptedException ex) {
				// Shutting down: answer at once and let the container see the interrupt.
				Thread.currentThread().interrupt();
			}
		}
		return body;
	}

	/** What is left of the latency at {@code now}, both {@link System#nanoTime()}. */
	Duration remaining(long arrival, long now) {
		Duration remaining = this.latency.minusNanos(now - arrival);
		return remaining.isNegative() ? Duration.ZERO : remaining;
	}

	// Without a noted arrival, as for a request that never reached a handler, the whole
	// latency is waited: never faster than promised.
	private static long arrival(ServerHttpRequest request, long now) {
		if (request instanceof ServletServerHttpRequest servletRequest && servletRequest.getServletRequest()
			.getAttribute(DemoApiController.ARRIVAL_ATTRIBUTE) instanceof Long arrival) {
			return arrival;
		}
		return now;
	}

}
