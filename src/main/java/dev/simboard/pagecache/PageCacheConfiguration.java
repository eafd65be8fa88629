package dev.simboard.pagecache;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Pages are rendered to bytes in one go, and may be kept: see {@link KeptPage}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PageCacheSettings.class)
public class PageCacheConfiguration {

	/**
	 * Seals markup kept outside the process: keyed by the SigmaMind API key, which every
	 * replica holds and the database does not.
	 */
	@Bean
	HtmlSeal htmlSeal(@Value("${simboard.sigmamind.api-key:}") String apiKey) {
		return HtmlSeal.keyedBy(apiKey);
	}

	/** Every page is a {@link EncodedThymeleafView}. */
	@Bean
	static BeanPostProcessor encodedThymeleafViews() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof ThymeleafViewResolver resolver) {
					resolver.setViewClass(EncodedThymeleafView.class);
				}
				return bean;
			}
		};
	}

}
