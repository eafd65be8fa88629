package dev.simboard.pagecache;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A head compressed once and an end compressed per request make one valid gzip body.
 */
class GzipTests {

	@Test
	void withWhenHeadAndEndAreCompressedApartThenTheyInflateToTheWholePage() throws Exception {
		// Larger than the compressor's buffers, and partly incompressible.
		byte[] random = new byte[70_000];
		new Random(7).nextBytes(random);
		byte[][] head = { "<html><body>".repeat(5_000).getBytes(StandardCharsets.UTF_8), random,
				"Zoë ✓".getBytes(StandardCharsets.UTF_8) };
		byte[] forms = "<form id=\"signout\"></form>".getBytes(StandardCharsets.UTF_8);
		byte[] end = "</body></html>".getBytes(StandardCharsets.UTF_8);

		byte[] gzipped = Gzip.of(head).with(forms, end);

		byte[] page = new GZIPInputStream(new ByteArrayInputStream(gzipped)).readAllBytes();
		assertThat(new String(page, StandardCharsets.ISO_8859_1))
			.isEqualTo(new String(head[0], StandardCharsets.ISO_8859_1)
					+ new String(random, StandardCharsets.ISO_8859_1) + new String(head[2], StandardCharsets.ISO_8859_1)
					+ new String(forms, StandardCharsets.ISO_8859_1) + new String(end, StandardCharsets.ISO_8859_1));
	}

	@Test
	void withWhenTheEndIsLongerThanAStoredBlockThenItSpansSeveral() throws Exception {
		byte[][] head = { "<html><body>".getBytes(StandardCharsets.UTF_8) };
		byte[] end = "x".repeat(150_000).getBytes(StandardCharsets.UTF_8);

		byte[] page = new GZIPInputStream(new ByteArrayInputStream(Gzip.of(head).with(end))).readAllBytes();

		assertThat(new String(page, StandardCharsets.UTF_8)).isEqualTo("<html><body>" + "x".repeat(150_000));
	}

	@Test
	void withWhenThereIsNoEndThenTheHeadAlone() throws Exception {
		byte[][] head = { "<html></html>".getBytes(StandardCharsets.UTF_8) };

		byte[] page = new GZIPInputStream(new ByteArrayInputStream(Gzip.of(head).with())).readAllBytes();

		assertThat(new String(page, StandardCharsets.UTF_8)).isEqualTo("<html></html>");
	}

	@Test
	void acceptedWhenTheHeaderTakesGzipThenTrue() {
		assertThat(Gzip.accepted("gzip, deflate, br, zstd")).isTrue();
		assertThat(Gzip.accepted("br;q=1.0, GZIP;q=0.5")).isTrue();
		assertThat(Gzip.accepted("*")).isTrue();
		assertThat(Gzip.accepted("x-gzip")).isTrue();
	}

	@Test
	void acceptedWhenTheHeaderLeavesOutOrRefusesGzipThenFalse() {
		assertThat(Gzip.accepted(null)).isFalse();
		assertThat(Gzip.accepted("identity")).isFalse();
		assertThat(Gzip.accepted("br, deflate")).isFalse();
		assertThat(Gzip.accepted("gzip;q=0")).isFalse();
		assertThat(Gzip.accepted("*, gzip;q=0")).isFalse();
		assertThat(Gzip.accepted("gzip;q=nonsense")).isFalse();
	}

}
