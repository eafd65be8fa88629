package dev.simboard.sigmamind;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One attempt of a test case (a "job"), with the judge's verdict once it has finished.
 *
 * @param batchId the batch it belongs to
 * @param workspaceId the workspace
 * @param agent the agent under test
 * @param testCase the case played
 * @param jobId opaque ID, {@code job_…}
 * @param chatId the chat session holding the transcript
 * @param createdDate when it started
 * @param completedDate when it finished; absent while running
 * @param successful the verdict; absent while running (older docs spell it
 * {@code isSuccesful})
 * @param remarks the judge's reasoning about the actual outcome
 * @param conversation the transcript; absent in the older dialect, where the chat has it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record TestRun(String batchId, String workspaceId, Agent agent, TestCase testCase, String jobId, String chatId,
		Instant createdDate, Instant completedDate,
		@JsonProperty("isSuccessful") @JsonAlias("isSuccesful") Boolean successful, String remarks,
		List<ConversationMessage> conversation) {

}
