package dev.simboard;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The training run that records an AOT cache for faster starts.
 *
 * @param enabled once started, Simboard serves its sign-in page to itself and exits: run
 * so under {@code -XX:AOTCacheOutput}, the cache also holds what a first page needs (the
 * Dockerfile and {@code bench/run.sh} do); never set it on a Simboard people use
 */
@ConfigurationProperties("simboard.aot-training")
record AotTrainingSettings(@DefaultValue("false") boolean enabled) {

}
