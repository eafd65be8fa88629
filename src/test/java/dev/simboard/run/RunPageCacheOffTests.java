package dev.simboard.run;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.simboard.Fixtures;
import dev.simboard.batch.RunListViews;
import dev.simboard.catalog.CacheProperties;
import dev.simboard.catalog.Catalog;
import dev.simboard.catalog.RunDetail;
import dev.simboard.pagecache.HtmlFragments;
import dev.simboard.pagecache.PageCacheConfiguration;
import dev.simboard.model.Attempt;
import dev.simboard.model.Run;
import dev.simboard.transcript.Transcript;
import dev.simboard.web.PageTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * With {@code simboard.page-cache.enabled=false}, a finished run's page is rendered on
 * every request: the same page, never a kept one.
 */
@PageTest(RunController.class)
@Import({ RenderedRuns.class, HtmlFragments.class, RunListViews.class, PageCacheConfiguration.class })
@EnableConfigurationProperties(CacheProperties.class)
@TestPropertySource(properties = "simboard.page-cache.enabled=false")
@WithMockUser
class RunPageCacheOffTests {

	private static final String URL = "/agents/" + Fixtures.AGENT_ID + "/batches/" + Fixtures.BATCH_ID + "/runs/"
			+ Fixtures.JOB_ID;

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Catalog catalog;

	@Test
	void runPageWhenPageCacheOffThenRenderedEveryTime() throws Exception {
		Run run = Fixtures.finishedRun(List.of(Fixtures.message("user", "Cancel, please.")));
		given(this.catalog.run(Fixtures.AGENT_ID, Fixtures.BATCH_ID, Fixtures.JOB_ID))
			.willReturn(new RunDetail(run, Transcript.of(run.conversation()), null, new Attempt(1, 2), null));
		for (int i = 0; i < 3; i++) {
			this.mvc.perform(get(URL))
				.andExpect(view().name("run/run"))
				.andExpect(content().string(containsString("Cancel, please.")));
		}
	}

}
