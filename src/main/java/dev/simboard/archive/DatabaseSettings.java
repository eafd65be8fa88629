package dev.simboard.archive;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded database keeps its file.
 *
 * @param dataDir folder of the embedded database file ({@code simboard.mv.db}), used when
 * no {@code spring.datasource.url} is set and a SigmaMind key is (demo mode keeps its
 * database in memory); created if missing, and it must be writable
 */
@ConfigurationProperties("simboard")
record DatabaseSettings(@DefaultValue("./data") Path dataDir) {

}
