package dev.simboard.batch;

import java.nio.charset.StandardCharsets;

import dev.simboard.catalog.BatchRuns;
import dev.simboard.catalog.Catalog;
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
 * A batch's runs to take elsewhere: CSV for a spreadsheet, JSON for a script.
 */
@Controller
class BatchExportController {

	static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	/** Says why an export has no runs, where an empty table alone would mislead. */
	static final String NOTE = "X-Simboard-Note";

	static final String RUNS_NOT_LISTED = "runs not listed by SigmaMind";

	private final Catalog catalog;

	private final RunListViews views;

	private final Reviews reviews;

	BatchExportController(Catalog catalog, RunListViews views, Reviews reviews) {
		this.reviews = reviews;
		this.catalog = catalog;
		this.views = views;
	}

	@GetMapping("/agents/{agentId}/batches/{batchId}/export.csv")
	ResponseEntity<String> csv(@PathVariable Id agentId, @PathVariable Id batchId) {
		BatchExport export = export(agentId, batchId);
		return response(export, TEXT_CSV,
				ContentDisposition.attachment().filename("simboard-" + batchId + ".csv").build())
			.body(CsvExport.write(export.runs()));
	}

	@GetMapping("/agents/{agentId}/batches/{batchId}/export.json")
	ResponseEntity<BatchExport> json(@PathVariable Id agentId, @PathVariable Id batchId) {
		BatchExport export = export(agentId, batchId);
		return response(export, MediaType.APPLICATION_JSON, ContentDisposition.inline().build()).body(export);
	}

	private BatchExport export(Id agentId, Id batchId) {
		BatchRuns found = this.catalog.batchRuns(agentId, batchId);
		return BatchExport.of(agentId.value(), batchId.value(), found.batch().value(), found.runs().value(), this.views,
				(jobId) -> Links.absolute(Links.run(agentId.value(), batchId.value(), jobId)),
				this.reviews.ofBatch(batchId));
	}

	private static ResponseEntity.BodyBuilder response(BatchExport export, MediaType type,
			ContentDisposition disposition) {
		ResponseEntity.BodyBuilder response = ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString());
		if (!export.runsListed()) {
			response.header(NOTE, RUNS_NOT_LISTED);
		}
		return response;
	}

}
