package dev.simboard.run;

import java.nio.charset.StandardCharsets;

import dev.simboard.catalog.Catalog;
import dev.simboard.catalog.RunDetail;
import dev.simboard.model.Id;
import dev.simboard.review.Reviews;
import dev.simboard.web.Links;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A test run to take elsewhere: JSON for a script, Markdown for a bug ticket.
 */
@Controller
class RunExportController {

	static final MediaType TEXT_MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);

	private final Catalog catalog;

	private final Reviews reviews;

	RunExportController(Catalog catalog, Reviews reviews) {
		this.catalog = catalog;
		this.reviews = reviews;
	}

	@GetMapping("/agents/{agentId}/batches/{batchId}/runs/{jobId}/export.json")
	ResponseEntity<RunExport> json(@PathVariable Id agentId, @PathVariable Id batchId, @PathVariable Id jobId) {
		RunDetail detail = this.catalog.run(agentId, batchId, jobId);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().build().toString())
			.body(RunExport.of(agentId.value(), batchId.value(), jobId.value(), detail,
					permalink(agentId, batchId, jobId)));
	}

	@GetMapping("/agents/{agentId}/batches/{batchId}/runs/{jobId}/export.md")
	ResponseEntity<String> markdown(@PathVariable Id agentId, @PathVariable Id batchId, @PathVariable Id jobId) {
		RunDetail detail = this.catalog.run(agentId, batchId, jobId);
		return ResponseEntity.ok()
			.contentType(TEXT_MARKDOWN)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("simboard-" + jobId + ".md").build().toString())
			.body(MarkdownExport.render(agentId.value(), batchId.value(), jobId.value(), detail,
					permalink(agentId, batchId, jobId), this.reviews.of(batchId, jobId).orElse(null)));
	}

	/** The run page's absolute address, so the export links back from anywhere. */
	private static String permalink(Id agentId, Id batchId, Id jobId) {
		return Links.absolute(Links.run(agentId, batchId, jobId));
	}

}
