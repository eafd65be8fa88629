package dev.simboard.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import dev.simboard.security.SecurityHeaders;

/**
 * Tomcat refuses some addresses (a {@code %00}, an overlong request line) before Simboard
 * sees them; this answers those with a short Simboard page and the usual security headers
 * instead of Tomcat's own page.
 */
public class PlainErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		try {
			SecurityHeaders.write(response);
			response.setContentType("text/html");
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Error " + status
						+ " · Simboard</title><link rel=\"stylesheet\" href=\"/css/simboard.css\"></head><body>"
						+ "<main class=\"narrow\"><p class=\"status-code\">Error " + status + "</p>"
						+ "<h1>Simboard can't serve this address</h1>"
						+ "<p class=\"lead\">It has characters or a length that are not allowed.</p>"
						+ "<p><a class=\"button\" href=\"/agents\">Go to the agents list</a></p></main></body></html>");
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The connection is gone or the response already started; nothing more to
			// say.
		}
	}

}
