package dev.simboard.run;

import java.util.List;

import dev.simboard.model.MockVariable;
import dev.simboard.transcript.Turn;
import dev.simboard.web.Verdict;

/**
 * What the run page shows, every field ready to print.
 *
 * @param jobId the job ID
 * @param label the test case played
 * @param testCaseId its ID, or a dash
 * @param verdict the outcome
 * @param successCriteria what the judge expected, or a dash
 * @param remarks the judge's reasoning, or a sentence saying there is none yet
 * @param userPrompt the simulated user's instructions, or a dash
 * @param mockData the variables given to the simulated user
 * @param model the model playing the simulated user, or a dash
 * @param attempt which attempt, such as {@code 2 of 3}, or what is known of it
 * @param created when it started
 * @param createdIso when it started, ISO-8601
 * @param completed when it finished, or a dash
 * @param completedIso when it finished, ISO-8601, or empty
 * @param duration how long it took, or a dash
 * @param chatId the chat session, or a dash
 * @param turns the conversation
 * @param transcriptSource where the conversation came from, in words
 * @param transcriptProblem why there is no conversation, or {@code null}
 * @param refreshHref where "refresh now" posts to
 * @param href this run's permalink
 * @param batchHref the batch view the user came from
 * @param position where this run stands in that view, such as {@code 3 of 12}, or empty
 * @param previousHref the previous run of that view, or {@code null}
 * @param nextHref the next run of that view, or {@code null}
 */
record RunView(String jobId, String label, String testCaseId, Verdict verdict, String successCriteria, String remarks,
		String userPrompt, List<MockVariable> mockData, String model, String attempt, String created, String createdIso,
		String completed, String completedIso, String duration, String chatId, List<Turn> turns,
		String transcriptSource, String transcriptProblem, String refreshHref, String href, String batchHref,
		String position, String previousHref, String nextHref) {

}
