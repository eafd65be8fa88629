package dev.simboard.batch;

import java.util.List;

import jakarta.validation.Validator;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets handlers take a batch view ({@link BatchQuery}) from the query string. */
@Configuration(proxyBeanMethods = false)
class BatchWebConfiguration implements WebMvcConfigurer {

	private final Validator validator;

	BatchWebConfiguration(Validator validator) {
		this.validator = validator;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new BatchQueryResolver(this.validator));
	}

}
