package dev.simboard.pagecache;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether finished run pages are kept once rendered.
 *
 * @param enabled keep the rendered part of a finished run's page, and each whole page per
 * user and batch view, and send them again without rendering; off, every page is rendered
 * on every request (slower, for instance to rule the keeping out when a page looks wrong)
 */
@ConfigurationProperties("simboard.page-cache")
public record PageCacheSettings(@DefaultValue("true") boolean enabled) {

}
