package dev.simboard.pagecache;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Markup stored outside the process comes back only as it was sealed: for the same
 * renderer and subject, under the same secret.
 */
class HtmlSealTests {

	private static final SafeHtml BODY = SafeHtml.rendered("<p>Refunded &lt;b&gt;twice&lt;/b&gt;.</p>");

	private final HtmlSeal seal = HtmlSeal.keyedBy("sk_live_one");

	@Test
	void openWhenSealedUnderTheSameSecretThenTheMarkupComesBack() {
		String sealed = this.seal.seal("build1", "job_1", BODY);

		assertThat(HtmlSeal.keyedBy("sk_live_one").open("build1", "job_1", BODY.html(), sealed)).get()
			.extracting(SafeHtml::html)
			.isEqualTo(BODY.html());
		assertThat(this.seal.lasting()).isTrue();
	}

	@Test
	void openWhenTheMarkupWasChangedThenNothingComesBack() {
		String sealed = this.seal.seal("build1", "job_1", BODY);

		assertThat(this.seal.open("build1", "job_1", "<p>Refunded <script>steal()</script></p>", sealed)).isEmpty();
	}

	@Test
	void openWhenForAnotherSubjectRendererOrSecretThenNothingComesBack() {
		String sealed = this.seal.seal("build1", "job_1", BODY);

		assertThat(this.seal.open("build1", "job_2", BODY.html(), sealed)).isEmpty();
		assertThat(this.seal.open("build2", "job_1", BODY.html(), sealed)).isEmpty();
		assertThat(HtmlSeal.keyedBy("sk_live_two").open("build1", "job_1", BODY.html(), sealed)).isEmpty();
		// Lengths are sealed too: moving characters from renderer to subject is not the
		// same.
		assertThat(this.seal.open("build", "1job_1", BODY.html(), sealed)).isEmpty();
	}

	@Test
	void openWhenTheSealIsNotHexOrCutShortThenNothingComesBack() {
		String sealed = this.seal.seal("build1", "job_1", BODY);

		assertThat(this.seal.open("build1", "job_1", BODY.html(), "not a seal")).isEmpty();
		assertThat(this.seal.open("build1", "job_1", BODY.html(), sealed.substring(0, 32))).isEmpty();
		assertThat(this.seal.open("build1", "job_1", BODY.html(), "")).isEmpty();
	}

	@Test
	void keyedByWhenNoSecretThenTheSealIsThisProcesssOwnAndNotLasting() {
		HtmlSeal own = HtmlSeal.keyedBy(" ");
		String sealed = own.seal("build1", "job_1", BODY);

		assertThat(own.lasting()).isFalse();
		assertThat(own.open("build1", "job_1", BODY.html(), sealed)).isPresent();
		assertThat(HtmlSeal.keyedBy(null).open("build1", "job_1", BODY.html(), sealed)).isEmpty();
	}

}
