package dev.simboard.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;

import dev.simboard.web.Formats;

/**
 * A batch's runs as CSV for a spreadsheet. Commons CSV quotes commas, quotes and line
 * breaks (RFC 4180, CRLF between rows); a byte order mark comes first because Excel
 * otherwise reads UTF-8 as the local code page and mangles accents and emoji.
 */
final class CsvExport {

	static final String[] HEADER = { "job_id", "test_case", "test_case_id", "attempt", "outcome", "created",
			"completed", "duration_seconds", "remarks", "permalink", "review_verdict", "reviewed_outcome",
			"review_label", "review_note", "review_ticket", "reviewed_by", "reviewed_at" };

	static final String BYTE_ORDER_MARK = "\uFEFF";

	/**
	 * RFC 4180. Records are printed through the format rather than a {@code CSVPrinter},
	 * whose class file names a SpotBugs annotation that javac's lint warns about.
	 */
	private static final CSVFormat FORMAT = CSVFormat.RFC4180;

	/**
	 * First characters that make a spreadsheet read a cell as a formula, after OWASP's
	 * advice on CSV injection.
	 */
	private static final String FORMULA_STARTS = "=+-@\t\r";

	private CsvExport() {
	}

	/** The header row, then one row per run in the order given. */
	static String write(List<BatchExport.Row> rows) {
		StringBuilder csv = new StringBuilder(BYTE_ORDER_MARK);
		try {
			FORMAT.printRecord(csv, (Object[]) HEADER);
			for (BatchExport.Row row : rows) {
				// Texts from SigmaMind are defused; the other cells are Simboard's own.
				FORMAT.printRecord(csv, defuse(row.jobId()), defuse(row.testCase()), defuse(row.testCaseId()),
						row.attemptText(), row.outcome(), Formats.iso(row.createdDate()),
						Formats.iso(row.completedDate()), row.durationSeconds(), defuse(row.remarks()), row.permalink(),
						row.reviewed(BatchExport.ReviewExport::verdict),
						row.reviewed(BatchExport.ReviewExport::outcome),
						defuse(row.reviewed(BatchExport.ReviewExport::label)),
						defuse(row.reviewed(BatchExport.ReviewExport::note)),
						defuse(row.reviewed(BatchExport.ReviewExport::ticket)),
						defuse(row.reviewed(BatchExport.ReviewExport::reviewer)),
						Formats.iso(row.reviewed(BatchExport.ReviewExport::reviewedAt)));
			}
		}
		catch (IOException ex) {
			// A StringBuilder never fails to append.
			throw new UncheckedIOException(ex);
		}
		return csv.toString();
	}

	/**
	 * The cell with a leading {@code '} when it would otherwise start a formula, so that
	 * {@code =HYPERLINK(…)} from upstream shows as text and never runs.
	 */
	static String defuse(String cell) {
		if (cell == null || cell.isEmpty() || FORMULA_STARTS.indexOf(cell.charAt(0)) < 0) {
			return cell;
		}
		return "'" + cell;
	}

}
