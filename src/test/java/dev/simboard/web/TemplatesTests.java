package dev.simboard.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upstream text is untrusted: no template may print anything unescaped.
 */
class TemplatesTests {

	private static final Pattern UNESCAPED = Pattern.compile("th:utext|\\[\\(");

	@Test
	void templatesWhenScannedThenNoneUsesUnescapedOutput() throws IOException {
		Path templates = Path.of("src/main/resources/templates");
		List<Path> files;
		try (Stream<Path> walk = Files.walk(templates)) {
			files = walk.filter((path) -> path.toString().endsWith(".html")).toList();
		}
		assertThat(files).hasSizeGreaterThanOrEqualTo(7);
		for (Path file : files) {
			assertThat(UNESCAPED.matcher(Files.readString(file)).find()).as(file + " uses th:utext or [(...)]")
				.isFalse();
		}
	}

}
