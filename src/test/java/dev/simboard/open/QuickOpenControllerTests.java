package dev.simboard.open;

import java.util.List;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import dev.simboard.Fixtures;
import dev.simboard.catalog.AgentBatches;
import dev.simboard.catalog.Catalog;
import dev.simboard.catalog.RunAddress;
import dev.simboard.model.Id;
import dev.simboard.model.Agent;
import dev.simboard.model.Page;
import dev.simboard.web.PageTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.BDDMockito.given;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PageTest(QuickOpenController.class)
@WithMockUser
class QuickOpenControllerTests {

	private static final String RUN = "/agents/" + Fixtures.AGENT_ID + "/batches/" + Fixtures.BATCH_ID + "/runs/"
			+ Fixtures.JOB_ID;

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private Catalog catalog;

	@Test
	void openWhenAgentIdThenAgentPage() throws Exception {
		this.mvc.perform(get("/open").param("id", " " + Fixtures.AGENT_ID + " "))
			.andExpect(redirectedUrl("/agents/" + Fixtures.AGENT_ID));
	}

	@Test
	void openWhenSimboardOrOtherUrlWithTheSameShapeThenThatPage() throws Exception {
		this.mvc.perform(get("/open").param("id", "https://simboard.example.com" + RUN + "?outcome=failed#m3"))
			.andExpect(redirectedUrl(RUN));
		this.mvc
			.perform(get("/open").param("id", "https://app.sigmamind.ai/x?agent=" + Fixtures.AGENT_ID + "&batch="
					+ Fixtures.BATCH_ID + "&job=" + Fixtures.JOB_ID))
			.andExpect(redirectedUrl(RUN));
	}

	@Test
	void openWhenBatchIdAloneThenFindsItsAgent() throws Exception {
		given(this.catalog.agents()).willReturn(Fixtures.fresh(List.of(Fixtures.agent())));
		given(this.catalog.agentBatches(Fixtures.AGENT, 0))
			.willReturn(new AgentBatches(Fixtures.fresh(Fixtures.agent()),
					Fixtures.fresh(new Page<>(List.of(Fixtures.batch(1, 0, 1, List.of())), false, 1, 1L))));
		this.mvc.perform(get("/open").param("id", Fixtures.BATCH_ID))
			.andExpect(redirectedUrl("/agents/" + Fixtures.AGENT_ID + "/batches/" + Fixtures.BATCH_ID));
	}

	@Test
	void openWhenJobIdAloneAndNotArchivedThenSaysSoAndOffersTheFormWithAgentAndBatch() throws Exception {
		given(this.catalog.locate(Id.of(Fixtures.JOB_ID))).willReturn(Optional.empty());
		this.mvc.perform(get("/open").param("id", Fixtures.JOB_ID))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("has not archived a run with " + Fixtures.JOB_ID)))
			.andExpect(content().string(containsString("name=\"agent\"")))
			.andExpect(content().string(containsString("value=\"" + Fixtures.JOB_ID + "\"")));
	}

	@Test
	void openWhenJobIdAloneAndArchivedThenGoesToItsRunPage() throws Exception {
		given(this.catalog.locate(Id.of(Fixtures.JOB_ID))).willReturn(Optional
			.of(new RunAddress(Id.of(Fixtures.AGENT_ID), Id.of(Fixtures.BATCH_ID), Id.of(Fixtures.JOB_ID))));
		this.mvc.perform(get("/open").param("id", "  " + Fixtures.JOB_ID + " "))
			.andExpect(redirectedUrl(
					"/agents/" + Fixtures.AGENT_ID + "/batches/" + Fixtures.BATCH_ID + "/runs/" + Fixtures.JOB_ID));
	}

	@Test
	void openWhenChatIdAloneAndArchivedThenGoesToItsRunPage() throws Exception {
		given(this.catalog.locate(Id.of("chat_x1234567"))).willReturn(Optional
			.of(new RunAddress(Id.of(Fixtures.AGENT_ID), Id.of(Fixtures.BATCH_ID), Id.of(Fixtures.JOB_ID))));
		this.mvc.perform(get("/open").param("id", "chat_x1234567"))
			.andExpect(redirectedUrl(
					"/agents/" + Fixtures.AGENT_ID + "/batches/" + Fixtures.BATCH_ID + "/runs/" + Fixtures.JOB_ID));
	}

	@Test
	void openWhenAgentAndBatchGivenWithJobThenGoesToTheRunAndChecksEveryId() throws Exception {
		this.mvc
			.perform(get("/open").param("id", Fixtures.JOB_ID)
				.param("agent", Fixtures.AGENT_ID)
				.param("batch", Fixtures.BATCH_ID))
			.andExpect(redirectedUrl(
					"/agents/" + Fixtures.AGENT_ID + "/batches/" + Fixtures.BATCH_ID + "/runs/" + Fixtures.JOB_ID));
		this.mvc.perform(get("/open").param("id", Fixtures.JOB_ID).param("agent", "a.b").param("batch", "b"))
			.andExpect(status().isBadRequest());
		verify(this.catalog, never()).run(any(), any(), any());
	}

	@Test
	void openWhenEmptyOrMissingThenSaysThereIsNothingToOpen() throws Exception {
		this.mvc.perform(get("/open").param("id", "  "))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Nothing to open")));
		this.mvc.perform(get("/open")).andExpect(status().isOk());
	}

	@Test
	void openWhenGibberishThenExplainsWhatItTakes() throws Exception {
		this.mvc.perform(get("/open").param("id", "<script>alert(1)</script>"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("not an ID or link Simboard knows")))
			.andExpect(content().string(containsString("&lt;script&gt;")));
	}

	@Test
	void openWhenIdLongerThanTheRuleAllowsThenExplainsWhatItTakes() throws Exception {
		this.mvc.perform(get("/open").param("id", "agent_" + "x".repeat(124)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("not an ID or link Simboard knows")));
		verifyNoInteractions(this.catalog);
	}

	@Test
	void openWhenBatchIdAloneAndAnAgentListedUnderAnOddIdThenSkipsThatAgent() throws Exception {
		given(this.catalog.agents())
			.willReturn(Fixtures.fresh(List.of(new Agent("agent 1", "Odd", "Live"), Fixtures.agent())));
		given(this.catalog.agentBatches(Fixtures.AGENT, 0))
			.willReturn(new AgentBatches(Fixtures.fresh(Fixtures.agent()),
					Fixtures.fresh(new Page<>(List.of(Fixtures.batch(1, 0, 1, List.of())), false, 1, 1L))));
		this.mvc.perform(get("/open").param("id", Fixtures.BATCH_ID))
			.andExpect(redirectedUrl("/agents/" + Fixtures.AGENT_ID + "/batches/" + Fixtures.BATCH_ID));
	}

	@Test
	void openWhenWordsTypedOnAnAgentsPageThenOffersToSearchItsConversations() throws Exception {
		Document page = Jsoup
			.parse(this.mvc.perform(get("/open").param("id", " refund & \"c++\" ").param("agent", Fixtures.AGENT_ID))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("not an ID or link Simboard knows")))
				.andReturn()
				.getResponse()
				.getContentAsString());
		Element search = page.selectFirst("main a:contains(conversations for)");
		assertThat(search.text()).isEqualTo("Search this agent's conversations for “refund & \"c++\"”");
		assertThat(search.attr("href"))
			.isEqualTo("/agents/" + Fixtures.AGENT_ID + "/search?q=refund%20%26%20%22c%2B%2B%22");
		// Both boxes on this page still come from the agent's.
		assertThat(page.select("input[name=agent]").eachAttr("value")).containsExactly(Fixtures.AGENT_ID,
				Fixtures.AGENT_ID);
		verifyNoInteractions(this.catalog);
	}

	@Test
	void openWhenNoAgentOrNothingTypedThenNoSearchOffered() throws Exception {
		this.mvc.perform(get("/open").param("id", "refund"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Search this agent's conversations"))));
		this.mvc.perform(get("/open").param("id", " ").param("agent", Fixtures.AGENT_ID))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Nothing to open")))
			.andExpect(content().string(not(containsString("Search this agent's conversations"))));
		this.mvc.perform(get("/open").param("id", "refund").param("agent", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Search this agent's conversations"))));
	}

	@Test
	void openWhenAgentMalformedThenBadRequest() throws Exception {
		this.mvc.perform(get("/open").param("id", "refund").param("agent", "agent.1"))
			.andExpect(status().isBadRequest());
	}

}
