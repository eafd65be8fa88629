package dev.simboard.web;

import dev.simboard.model.Id;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The permalinks of every page, in one place. IDs from SigmaMind are encoded, so an odd
 * one makes a link that is refused cleanly rather than one that goes elsewhere. The
 * {@link Id} forms are for the page being served, whose address gave its IDs.
 */
public final class Links {

	private Links() {
	}

	public static String agents() {
		return "/agents";
	}

	public static String agent(String agentId) {
		return build("/agents/{agentId}", agentId);
	}

	public static String agent(Id agentId) {
		return agent(agentId.value());
	}

	public static String batch(String agentId, String batchId) {
		return build("/agents/{agentId}/batches/{batchId}", agentId, batchId);
	}

	public static String batch(Id agentId, Id batchId) {
		return batch(agentId.value(), batchId.value());
	}

	public static String run(String agentId, String batchId, String jobId) {
		return build("/agents/{agentId}/batches/{batchId}/runs/{jobId}", agentId, batchId, jobId);
	}

	public static String run(Id agentId, Id batchId, Id jobId) {
		return run(agentId.value(), batchId.value(), jobId.value());
	}

	/** The turn-by-turn diff of two runs' transcripts. */
	public static String diff(String agentId, String baseBatchId, String baseJobId, String headBatchId,
			String headJobId) {
		return UriComponentsBuilder.fromPath("/agents/{agentId}/diff")
			.queryParam("baseBatch", "{baseBatch}")
			.queryParam("baseJob", "{baseJob}")
			.queryParam("headBatch", "{headBatch}")
			.queryParam("headJob", "{headJob}")
			.encode()
			.buildAndExpand(agentId, baseBatchId, baseJobId, headBatchId, headJobId)
			.toUriString();
	}

	/**
	 * A path from this class as an absolute address that a colleague can open from a
	 * ticket or a spreadsheet: under {@code simboard.public-url} when it is set (the
	 * request then reports that address, see {@code PublicUrlFilter}), else under the
	 * address the current request came to.
	 */
	public static String absolute(String path) {
		// The path is encoded already; encoding it again would double any %.
		return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).build(true).toUriString();
	}

	private static String build(String template, Object... ids) {
		return UriComponentsBuilder.fromPath(template).encode().buildAndExpand(ids).toUriString();
	}

}
