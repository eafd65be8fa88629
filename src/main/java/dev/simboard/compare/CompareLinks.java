package dev.simboard.compare;

import dev.simboard.web.Links;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The permalinks of the compare and transcript diff pages, IDs encoded like
 * {@link dev.simboard.web.Links}.
 */
final class CompareLinks {

	private CompareLinks() {
	}

	/** A batch against the one before it in the agent's list. */
	static String previous(String agentId, String headBatchId) {
		return UriComponentsBuilder.fromPath("/agents/{agentId}/compare")
			.queryParam("head", "{head}")
			.encode()
			.buildAndExpand(agentId, headBatchId)
			.toUriString();
	}

	static String compare(String agentId, String baseBatchId, String headBatchId) {
		return UriComponentsBuilder.fromPath("/agents/{agentId}/compare")
			.queryParam("base", "{base}")
			.queryParam("head", "{head}")
			.encode()
			.buildAndExpand(agentId, baseBatchId, headBatchId)
			.toUriString();
	}

	static String diff(String agentId, String baseBatchId, String baseJobId, String headBatchId, String headJobId) {
		return Links.diff(agentId, baseBatchId, baseJobId, headBatchId, headJobId);
	}

}
