package dev.simboard.agent;

import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import dev.simboard.Fixtures;
import java.time.Duration;
import java.time.Instant;

import dev.simboard.catalog.AgentBatches;
import dev.simboard.catalog.Catalog;
import dev.simboard.catalog.Fresh;
import dev.simboard.catalog.PinnedBatch;
import dev.simboard.catalog.Pins;
import dev.simboard.model.Agent;
import dev.simboard.model.Batch;
import dev.simboard.model.Id;
import dev.simboard.model.Page;
import dev.simboard.review.Reviews;
import dev.simboard.sigmamind.SigmaMindNotFoundException;
import dev.simboard.sigmamind.SigmaMindUnavailableException.Reason;
import dev.simboard.sigmamind.SigmaMindUnavailableException;
import dev.simboard.web.PageTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PageTest(AgentController.class)
@WithMockUser
class AgentControllerTests {

	@Autowired
	private MockMvc mvc;

	/** No reviews: the judge's verdicts stand (reviews have tests of their own). */
	@MockitoBean
	private Reviews reviews;

	@MockitoBean
	private Catalog catalog;

	@MockitoBean
	private Pins pins;

	@Test
	void homeRedirectsToAgents() throws Exception {
		this.mvc.perform(get("/")).andExpect(redirectedUrl("/agents"));
	}

	@Test
	void agentsWhenSearchedThenShowsMatchesOnly() throws Exception {
		given(this.catalog.agents()).willReturn(Fixtures.fresh(List.of(new Agent("agent_1", "Billing Support", "Live"),
				new Agent("agent_2", "Appointment Booking", "Testing"), new Agent("agent_3", null, "active"))));
		this.mvc.perform(get("/agents").param("q", "billing"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Billing Support")))
			.andExpect(content().string(not(containsString("Appointment Booking"))))
			.andExpect(content().string(containsString("1 of 3 agents match")));
		this.mvc.perform(get("/agents"))
			.andExpect(content().string(containsString("Appointment Booking")))
			.andExpect(content().string(containsString("agent_3")));
	}

	@Test
	void agentPageShowsBatchesWithPassRateAndRunningMark() throws Exception {
		Batch finished = Fixtures.batch(7, 3, 10, List.of());
		Batch running = new Batch("batch_running", Fixtures.agent(), Fixtures.CREATED, List.of(), 1, 0, 10);
		given(this.catalog.agentBatches(Fixtures.AGENT, 0))
			.willReturn(new AgentBatches(Fixtures.fresh(Fixtures.agent()),
					Fixtures.fresh(new Page<>(List.of(running, finished), true, 2, 25L))));
		this.mvc.perform(get("/agents/" + Fixtures.AGENT_ID))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Billing Support")))
			.andExpect(content().string(containsString("70%")))
			.andExpect(content().string(containsString("100%")))
			.andExpect(content().string(containsString("verdict running")))
			.andExpect(content().string(containsString("Page 1 of 2")))
			.andExpect(content().string(containsString("?page=2")));
	}

	@Test
	void agentPageWhenMeterCannotBeDrawnThenItsTextIsThePassRateOrSaysThereIsNone() throws Exception {
		Batch judged = Fixtures.batch(7, 5, 12, List.of());
		Batch unjudged = new Batch("batch_unjudged", Fixtures.agent(), Fixtures.CREATED, List.of(), 0, 0, 10);
		given(this.catalog.agentBatches(Fixtures.AGENT, 0)).willReturn(new AgentBatches(
				Fixtures.fresh(Fixtures.agent()), Fixtures.fresh(new Page<>(List.of(unjudged, judged), false, 1, 2L))));
		String page = this.mvc.perform(get("/agents/" + Fixtures.AGENT_ID))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document html = Jsoup.parse(page);
		assertThat(html.select("meter").eachAttr("value")).containsExactly("0", "58");
		assertThat(html.select("meter").eachText()).containsExactly("no verdicts yet", "58%");
		assertThat(page).contains("<meter", ">58%</meter>").doesNotContain(">70%</meter>");
	}

	@Test
	void agentPageWhenShownThenHtmxFetchesTheFlakyListAfterwardsWithinTheContentSecurityPolicy() throws Exception {
		given(this.catalog.agentBatches(Fixtures.AGENT, 0)).willReturn(new AgentBatches(
				Fixtures.fresh(Fixtures.agent()), Fixtures.fresh(new Page<>(List.of(), false, 0, 0L))));
		Document page = Jsoup.parse(this.mvc.perform(get("/agents/" + Fixtures.AGENT_ID))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		Element slot = page.selectFirst("section.flaky-link .flaky-slot");
		assertThat(slot.attr("data-hx-get")).isEqualTo("/agents/" + Fixtures.AGENT_ID + "/flaky");
		assertThat(slot.attr("data-hx-trigger")).isEqualTo("load");
		assertThat(slot.attr("data-hx-select")).isEqualTo("main .flaky-result");
		// The flaky page's title must not become this page's.
		assertThat(slot.attr("data-hx-swap")).isEqualTo("innerHTML ignoreTitle:true");
		assertThat(page.select("section.flaky-link a").attr("href"))
			.isEqualTo("/agents/" + Fixtures.AGENT_ID + "/flaky");

		// The template names no version; the link to the webjar may carry one.
		assertThat(page.select("head script[src]").eachAttr("src"))
			.anyMatch((src) -> src.matches("/webjars/htmx\\.org/([^/]+/)?dist/htmx\\.min\\.js"));
		Map<String, Object> config = JsonParserFactory.getJsonParser()
			.parseMap(page.selectFirst("head meta[name=htmx-config]").attr("content"));
		assertThat(config).containsEntry("includeIndicatorStyles", false)
			.containsEntry("allowEval", false)
			.containsEntry("allowScriptTags", false)
			.containsEntry("selfRequestsOnly", true);
	}

	@Test
	void agentPageWhenShownThenHasASearchBoxForItsConversationsAndQuickOpenKnowsTheAgent() throws Exception {
		given(this.catalog.agentBatches(Fixtures.AGENT, 0)).willReturn(new AgentBatches(
				Fixtures.fresh(Fixtures.agent()), Fixtures.fresh(new Page<>(List.of(), false, 0, 0L))));
		Document page = Jsoup.parse(this.mvc.perform(get("/agents/" + Fixtures.AGENT_ID))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		Element search = page.selectFirst("main form[role=search]");
		assertThat(search.attr("method")).isEqualTo("get");
		assertThat(search.attr("action")).isEqualTo("/agents/" + Fixtures.AGENT_ID + "/search");
		assertThat(search.select("input[name]").eachAttr("name")).containsExactly("q");
		assertThat(page.selectFirst("form.quick-open input[name=agent]").val()).isEqualTo(Fixtures.AGENT_ID);
	}

	@Test
	void agentsWhenShownThenQuickOpenNamesNoAgent() throws Exception {
		given(this.catalog.agents()).willReturn(Fixtures.fresh(List.of(Fixtures.agent())));
		Document page = Jsoup.parse(this.mvc.perform(get("/agents"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(page.select("form.quick-open input[name=agent]")).isEmpty();
	}

	@Test
	void agentPageWhenAgentUnknownThenShowsNotFoundNamingIt() throws Exception {
		given(this.catalog.agentBatches(Id.of("agent_nope"), 0))
			.willThrow(new SigmaMindNotFoundException("GET /v1/agents/{agentId}", 404));
		this.mvc.perform(get("/agents/agent_nope"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("no agent agent_nope")));
	}

	@Test
	void agentsWhenRenewalFailedThenShowsHowOldTheDataIs() throws Exception {
		Fresh<List<Agent>> stale = Fresh.of(List.of(Fixtures.agent()), Instant.now().minus(Duration.ofMinutes(4)));
		given(this.catalog.agents()).willReturn(new Fresh<>(stale.value(), stale.fetchedAt(), Instant.now(),
				new SigmaMindUnavailableException("GET /v1/agents", Reason.SERVER_ERROR, "answered 503", null)));
		this.mvc.perform(get("/agents"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Showing data from 4 min ago: SigmaMind is not answering")))
			.andExpect(content().string(containsString("Billing Support")));
	}

	@Test
	void agentsWhenFreshThenNoStaleNotice() throws Exception {
		given(this.catalog.agents()).willReturn(Fixtures.fresh(List.of(Fixtures.agent())));
		this.mvc.perform(get("/agents")).andExpect(content().string(not(containsString("stale-notice"))));
	}

	@Test
	void agentPageWhenPageNotANumberThenBadRequest() throws Exception {
		this.mvc.perform(get("/agents/" + Fixtures.AGENT_ID).param("page", "x")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/agents/" + Fixtures.AGENT_ID).param("page", "0")).andExpect(status().isBadRequest());
	}

	@Test
	void agentPageWhenBatchesPinnedThenMarksThemAndListsEveryPinEvenThoseSigmaMindNoLongerLists() throws Exception {
		Batch listed = Fixtures.batch(7, 3, 10, List.of());
		given(this.catalog.agentBatches(Fixtures.AGENT, 0)).willReturn(new AgentBatches(
				Fixtures.fresh(Fixtures.agent()), Fixtures.fresh(new Page<>(List.of(listed), false, 1, 1L))));
		Instant at = Instant.parse("2026-03-27T09:15:00Z");
		given(this.pins.ofAgent(Fixtures.AGENT)).willReturn(List.of(
				new PinnedBatch(Fixtures.AGENT, Fixtures.BATCH, "<b>release 2.3</b>", "ann", at, 480, 120, true),
				new PinnedBatch(Fixtures.AGENT, Id.of("batch_gone"), "release 1.0", "raj", at, 40, 40, false)));
		String html = this.mvc.perform(get("/agents/" + Fixtures.AGENT_ID))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document page = Jsoup.parse(html);
		assertThat(html).doesNotContain("<b>release 2.3</b>");
		assertThat(page.select(".badge.pinned").eachText()).containsExactly("Pinned: <b>release 2.3</b>");
		assertThat(page.select("#pins-heading").text()).isEqualTo("Pinned baselines (2)");
		assertThat(page.select(".pins tbody tr")).satisfiesExactly((first) -> {
			assertThat(first.select("td").eachText()).containsExactly("<b>release 2.3</b>", Fixtures.BATCH_ID,
					"ann, 2026-03-27 09:15:00 UTC", "Archiving: 120 of 480 runs");
			assertThat(first.select("a").attr("href"))
				.isEqualTo("/agents/" + Fixtures.AGENT_ID + "/batches/" + Fixtures.BATCH_ID);
		}, (gone) -> {
			assertThat(gone.select("td").eachText()).contains("release 1.0", "All 40 runs archived");
			assertThat(gone.select("a").attr("href")).isEqualTo("/agents/" + Fixtures.AGENT_ID + "/batches/batch_gone");
		});
	}

	@Test
	void agentPageWhenNothingPinnedThenNoPinnedBaselinesSection() throws Exception {
		given(this.catalog.agentBatches(Fixtures.AGENT, 0)).willReturn(new AgentBatches(
				Fixtures.fresh(Fixtures.agent()), Fixtures.fresh(new Page<>(List.of(), false, 1, 0L))));
		Document page = Jsoup.parse(this.mvc.perform(get("/agents/" + Fixtures.AGENT_ID))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(page.select(".pins, .badge.pinned")).isEmpty();
	}

}
