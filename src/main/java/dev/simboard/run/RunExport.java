package dev.simboard.run;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import dev.simboard.catalog.RunDetail;
import dev.simboard.model.MockVariable;
import dev.simboard.model.Run;
import dev.simboard.model.TestCase;
import dev.simboard.transcript.Turn;
import dev.simboard.web.Verdict;

/**
 * A test run as exported to JSON. Texts are SigmaMind's own, with {@code null} where it
 * sent none.
 *
 * @param jobId the job ID
 * @param batchId the batch it belongs to
 * @param agentId the agent under test
 * @param testCase the case played, or {@code null}
 * @param outcome {@code passed}, {@code failed}, {@code running} or {@code unjudged}
 * @param remarks the judge's reasoning, or {@code null}
 * @param createdDate when it started
 * @param completedDate when it finished, or {@code null}
 * @param durationSeconds whole seconds it took, or {@code null}
 * @param chatId the chat session, or {@code null}
 * @param attempt which attempt of its test case, from 1; {@code null} when the batch's
 * runs were not at hand
 * @param attempts how many attempts its test case has, or {@code null}
 * @param permalink the run page's absolute address
 * @param transcriptProblem why there is no transcript, or {@code null}
 * @param transcript the conversation
 */
record RunExport(String jobId, String batchId, String agentId, Case testCase, String outcome, String remarks,
		Instant createdDate, Instant completedDate, Long durationSeconds, String chatId, Integer attempt,
		Integer attempts, String permalink, String transcriptProblem, List<Message> transcript) {

	static RunExport of(String agentId, String batchId, String jobId, RunDetail detail, String permalink) {
		Run run = detail.run();
		Duration duration = run.duration();
		Integer planned = (run.testCase() != null) ? run.testCase().attempts() : null;
		return new RunExport(jobId, batchId, agentId, Case.of(run.testCase()),
				Verdict.of(run).name().toLowerCase(Locale.ROOT), run.remarks(), run.created(), run.completed(),
				(duration != null) ? Long.valueOf(duration.toSeconds()) : null, run.chatId(),
				(detail.attempt() != null) ? detail.attempt().number() : null,
				(detail.attempt() != null) ? Integer.valueOf(detail.attempt().of()) : planned, permalink,
				detail.transcriptProblem(), detail.transcript().turns().stream().map(Message::of).toList());
	}

	/**
	 * The test case played.
	 *
	 * @param id its ID
	 * @param label its name
	 * @param successCriteria what the judge expects
	 * @param userPrompt the simulated user's instructions
	 * @param model the model playing the simulated user
	 * @param mockData the variables given to the simulated user
	 */
	record Case(String id, String label, String successCriteria, String userPrompt, String model,
			List<Variable> mockData) {

		static Case of(TestCase testCase) {
			if (testCase == null) {
				return null;
			}
			return new Case(testCase.id(), testCase.label(), testCase.successCriteria(), testCase.userPrompt(),
					testCase.model(), testCase.mockData().stream().map(Variable::of).toList());
		}

	}

	/**
	 * A variable given to the simulated user.
	 *
	 * @param name its name
	 * @param value its value
	 */
	record Variable(String name, String value) {

		static Variable of(MockVariable variable) {
			return new Variable(variable.name(), variable.value());
		}

	}

	/**
	 * One message of the conversation.
	 *
	 * @param n its position, from 1
	 * @param anchor its fragment on the run page, {@code m1}, {@code m2}, …
	 * @param speaker {@code user}, {@code agent} or {@code other}
	 * @param role the role as SigmaMind sent it
	 * @param type {@code message}, or another kind such as a tool call
	 * @param text the text
	 */
	record Message(int n, String anchor, String speaker, String role, String type, String text) {

		static Message of(Turn turn) {
			return new Message(turn.number(), turn.anchor(), turn.speaker().name().toLowerCase(Locale.ROOT),
					turn.role(), turn.type(), turn.text());
		}

	}

}
