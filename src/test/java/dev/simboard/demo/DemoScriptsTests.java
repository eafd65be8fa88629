package dev.simboard.demo;

import java.util.List;

import dev.simboard.demo.DemoScripts.Domain;
import dev.simboard.demo.DemoScripts.Scenario;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DemoScriptsTests {

	private static final String FIXTURES = "dev/simboard/demo/DemoScriptsTests/";

	@Test
	void standardWhenLoadedThenFourKindsOfAgentInTurn() {
		DemoScripts scripts = DemoScripts.standard();
		assertThat(scripts.domains()).extracting((domain) -> domain.agentNames().get(0))
			.containsExactly("Billing Support", "Appointment Booking", "Returns & Refunds", "Onboarding Concierge");
		assertThat(scripts.common().showcase().markup().user()).contains("{script_text}", "{bold_text}");
		assertThat(DemoScripts.standard()).isSameAs(scripts);
	}

	@Test
	void loadWhenValuesLookLikeNumbersBooleansNullsOrDatesThenReadAsWritten() {
		DemoScripts scripts = DemoScripts.load(FIXTURES + "text.yml");
		assertThat(scripts.common().statuses()).containsExactly("yes");
		assertThat(scripts.common().llmModels()).containsExactly("1.5");
		assertThat(scripts.common().customers().get(0).name()).isEqualTo("No");
		assertThat(scripts.common().customers().get(0).email()).isEqualTo("~");
		assertThat(scripts.common().personas().get(0).prompt()).isEqualTo("2026-03-01");
		assertThat(scripts.common().failNotes()).containsExactly("null");
		assertThat(scripts.common().genericFillers().get(0).assistant()).isEqualTo("no");
		assertThat(scripts.common().showcase().longTranscriptRemark()).isEqualTo("1:30");
		Domain domain = scripts.domains().get(0);
		assertThat(domain.agentNames()).containsExactly("true");
		assertThat(domain.toolCall()).isEqualTo("false");
		assertThat(domain.variables().get(0).values()).containsExactly("12", "012", "1_000");
		Scenario scenario = domain.scenarios().get(0);
		assertThat(List.of(scenario.label(), scenario.userPrompt(), scenario.successCriteria())).containsExactly("NO",
				".nan", "2026-03-01T10:00:00Z");
		assertThat(scenario.opening().user()).isEqualTo("~");
		assertThat(scenario.opening().assistant()).isEqualTo("null");
		assertThat(scenario.pass().assistant()).isEqualTo("1:30");
		assertThat(scenario.pass().remark()).isEqualTo("0o17");
		assertThat(scenario.failures().get(0).remark()).isEqualTo("-.5");
	}

	@Test
	void loadWhenAKeyIsMisspeltThenFailsNamingTheFileAndWhere() {
		assertThatIllegalStateException().isThrownBy(() -> DemoScripts.load(FIXTURES + "misspelt.yml"))
			.withMessageContaining(FIXTURES + "domains/misspelt.yml")
			.withMessageContaining("\"fillers\"")
			.withMessageContaining("assistant");
	}

	@Test
	void loadWhenAKindOfAgentHasNoFileThenFailsNamingIt() {
		assertThatIllegalStateException().isThrownBy(() -> DemoScripts.load(FIXTURES + "missing.yml"))
			.withMessageContaining(FIXTURES + "domains/absent.yml");
	}

}
