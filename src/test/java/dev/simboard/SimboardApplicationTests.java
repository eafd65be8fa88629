package dev.simboard;

import java.net.http.HttpResponse;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.simboard.sigmamind.SigmaMindTarget;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole app in demo mode, over real HTTP: the real client, cache and pages on the
 * embedded demo API.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class SimboardApplicationTests {

	@LocalServerPort
	int port;

	@Autowired
	SigmaMindTarget target;

	@Test
	void demoModeWhenSignedInThenEveryPageOfTheJourneyWorks() throws Exception {
		WebSession session = new WebSession(this.port);
		HttpResponse<String> login = session.get("/login");
		assertThat(login.body()).contains("Demo mode", "demo");
		assertThat(session.signIn("demo", "demo").statusCode()).isEqualTo(302);

		Document agents = page(session, "/agents");
		assertThat(agents.select("table.table tbody tr")).hasSizeGreaterThanOrEqualTo(2);
		assertThat(agents.select(".badge.demo").text()).isEqualTo("Demo data");

		Document agent = page(session, agents.select("table.table tbody tr a").first().attr("href"));
		assertThat(agent.select("table.table tbody tr")).isNotEmpty();
		assertThat(agent.select("nav.crumbs li")).hasSize(2);

		Document batch = page(session, agent.select("table.table tbody tr a").first().attr("href"));
		assertThat(batch.select(".stats .stat")).hasSize(5);
		assertThat(batch.select("table.runs tbody tr")).isNotEmpty();
		assertThat(batch.select("nav.crumbs li")).hasSize(3);

		Document run = page(session, batch.select("table.runs tbody tr a").first().attr("href"));
		assertThat(run.select(".verdict.big").text()).isIn("Passed", "Failed", "Running", "No verdict");
		assertThat(run.select("ol.chat > li").first().id()).isEqualTo("m1");
		assertThat(run.select("nav.crumbs li")).hasSize(4);
	}

	@Test
	void runPageWhenSentAsKeptThenItsFormsCarryATokenThisSessionMayPost() throws Exception {
		WebSession session = new WebSession(this.port);
		session.signIn("demo", "demo");
		String run = finishedRun(session);
		String rendered = session.get(run).body();
		Document kept = page(session, run);
		String renderedToken = Jsoup.parse(rendered).select("form#refresh-run input[name=_csrf]").attr("value");
		assertThat(kept.outerHtml()).isEqualTo(Jsoup
			.parse(rendered.replace(renderedToken, kept.select("form#refresh-run input[name=_csrf]").attr("value")))
			.outerHtml());
		String token = kept.select("form#refresh-run input[name=_csrf]").attr("value");
		assertThat(kept.select("form#signout input[name=_csrf]").attr("value")).isEqualTo(token).isNotEmpty();

		HttpResponse<String> refresh = session.post(run + "/refresh", "_csrf=" + token);
		assertThat(refresh.statusCode()).isEqualTo(302);
		assertThat(refresh.headers().firstValue("Location")).hasValueSatisfying((to) -> assertThat(to).endsWith(run));
		String again = page(session, run).select("form#signout input[name=_csrf]").attr("value");
		HttpResponse<String> signOut = session.post("/logout", "_csrf=" + again);
		assertThat(signOut.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/login?logout"));
	}

	/**
	 * The first finished run of the demo's agents whose conversation came with it: the
	 * kind whose page is kept.
	 */
	private static String finishedRun(WebSession session) throws Exception {
		for (String agent : page(session, "/agents").select("table.table tbody tr a").eachAttr("href")) {
			for (String batch : page(session, agent).select("table.table tbody tr a").eachAttr("href")) {
				for (String run : page(session, batch).select("table.runs tbody tr a").eachAttr("href")) {
					Document page = page(session, run);
					if (!page.select(".verdict.big.passed, .verdict.big.failed").isEmpty()
							&& page.select(".transcript .count").text().contains("from the test run")) {
						return run;
					}
				}
			}
		}
		throw new AssertionError("No finished run in the demo data");
	}

	@Test
	void demoApiWhenKeyMissingOrWrongThenUnauthorized() throws Exception {
		WebSession anonymous = new WebSession(this.port);
		assertThat(anonymous.get("/demo-api/v1/agents").statusCode()).isEqualTo(401);
		assertThat(this.target.baseUrl().toString()).endsWith(":" + this.port + "/demo-api");
		assertThat(this.target.apiKey()).isNotBlank();
	}

	@Test
	void demoModeWhenPagesServedThenLogNeverHoldsTheDemoKey(CapturedOutput output) throws Exception {
		WebSession session = new WebSession(this.port);
		session.signIn("demo", "demo");
		assertThat(session.get("/agents").statusCode()).isEqualTo(200);
		assertThat(output.getAll()).doesNotContain(this.target.apiKey());
	}

	private static Document page(WebSession session, String path) throws Exception {
		HttpResponse<String> response = session.get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return Jsoup.parse(response.body());
	}

}
