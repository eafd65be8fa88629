package dev.simboard.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Pins the whole demo data set as the demo API serves it: every agent, test case, batch
 * page, batch, test-run page, test run and chat, rendered into one text whose digest is
 * recorded here. The digests were taken before the demo's texts moved from Java into
 * {@code src/main/resources/demo/}, so they prove the move changed nothing a client can
 * see. Any deliberate change to the data set, texts included, changes them too.
 */
class DemoDataSetTests {

	private static final String KEY = "demo_0123456789abcdefghijklmnopqrstuv";

	@Test
	void dataSetWhenDefaultSeedThenSameAsBeforeTheMove() throws Exception {
		String text = render(DemoProperties.defaults());
		assertThat(sha256(text)).isEqualTo("0dd9a1de4066b4ac43e72559229d3d7bb0cccd7dbdf8397eb1c379c333eb840a");
	}

	// Other sizes reach what the defaults do not: test cases beyond the scenarios (played
	// by personas), agents beyond the four kinds, sized transcripts and another seed.
	@Test
	void dataSetWhenOtherSeedAndSizesThenSameAsBeforeTheMove() throws Exception {
		String text = render(new DemoProperties(7, 9, 3, 8, 2, 41, Duration.ZERO, null, List.of(50, 3, 1)));
		assertThat(sha256(text)).isEqualTo("a08127fee89de48820f17c7403c24f5e2393722bc67568b091fec25fc28a01c2");
	}

	@Test
	void dataSetWhenTinyThenSameAsBeforeTheMove() throws Exception {
		String text = render(new DemoProperties(1, 1, 1, 1, 1, 4, Duration.ZERO, null, List.of()));
		assertThat(sha256(text)).isEqualTo("ea6de9ffd9e52203f4040fee19d52395626d6b5a5236401848871fb99260af3f");
	}

	// Test cases far beyond the scenarios reach every persona, and personas again.
	@Test
	void dataSetWhenManyTestCasesThenSameAsBeforeTheMove() throws Exception {
		String text = render(new DemoProperties(3, 1, 1, 50, 1, 4, Duration.ZERO, null, List.of()));
		assertThat(sha256(text)).isEqualTo("81a916a207d31bda70c879d88a0effd9044fb6656face2d25ba57bf929c676d2");
	}

	private static String render(DemoProperties properties) throws Exception {
		DemoData data = new DemoData(properties, DemoDataTests.NOW);
		MockMvc mvc = MockMvcBuilders
			.standaloneSetup(new DemoApiController(data, new DemoTarget(new MockEnvironment(), KEY)))
			.build();
		Renderer renderer = new Renderer(mvc);
		String agents = renderer.fetch("/v1/agents");
		for (String agentId : JsonPath.<List<String>>read(agents, "$.data[*].agentId")) {
			renderer.fetch("/v1/agents/" + agentId);
			String testCases = renderer.fetch("/v1/test-cases?agentId=" + agentId);
			for (String testCaseId : JsonPath.<List<String>>read(testCases, "$[*].testCaseId")) {
				renderer.fetch("/v1/test-cases/" + testCaseId + "?agentId=" + agentId);
			}
			for (String batchId : renderer.pages("/v1/batch-runs?agentId=" + agentId + "&size=2", "batchId")) {
				renderer.fetch("/v1/batch-runs/" + batchId + "?agentId=" + agentId);
				String runs = "/v1/test-runs?agentId=" + agentId + "&batchId=" + batchId + "&size=7";
				for (String jobId : renderer.pages(runs, "jobId")) {
					String run = renderer
						.fetch("/v1/test-runs/" + jobId + "?batchId=" + batchId + "&agentId=" + agentId);
					renderer.fetch("/v1/chats/" + JsonPath.<String>read(run, "$.chatId"));
				}
			}
		}
		return renderer.text.toString();
	}

	private static String sha256(String text) throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(digest);
	}

	private static final class Renderer {

		private final MockMvc mvc;

		private final StringBuilder text = new StringBuilder();

		Renderer(MockMvc mvc) {
			this.mvc = mvc;
		}

		String fetch(String path) throws Exception {
			MockHttpServletResponse response = this.mvc.perform(get("/demo-api" + path).header("X-API-Key", KEY))
				.andReturn()
				.getResponse();
			String body = response.getContentAsString(StandardCharsets.UTF_8);
			assertThat(response.getStatus()).as(path).isEqualTo(200);
			this.text.append("GET ").append(path).append('\n').append(body).append('\n');
			return body;
		}

		/** Every page of a list, in order, and the IDs of what it lists. */
		List<String> pages(String path, String idName) throws Exception {
			List<String> ids = new ArrayList<>();
			for (int page = 0;; page++) {
				String body = fetch(path + "&page=" + page);
				ids.addAll(JsonPath.<List<String>>read(body, "$.data[*]." + idName));
				if (!JsonPath.<Boolean>read(body, "$.hasNext")) {
					return ids;
				}
			}
		}

	}

}
