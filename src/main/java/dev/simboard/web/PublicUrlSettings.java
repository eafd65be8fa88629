package dev.simboard.web;

import java.net.URI;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where users reach Simboard, when the operator fixes it.
 *
 * @param publicUrl Simboard's public address, such as
 * {@code https://simboard.example.com} (env {@code SIMBOARD_PUBLIC_URL}): when set,
 * permalinks in exports, copied links and redirects use it, whatever {@code Host} or
 * {@code X-Forwarded-Host} a request carries; when unset, they use the request's own
 * address. Scheme, host and port only: the context path is added to it
 */
@ConfigurationProperties("simboard")
record PublicUrlSettings(URI publicUrl) {

	PublicUrlSettings {
		if (publicUrl != null && !origin(publicUrl)) {
			throw new IllegalArgumentException("simboard.public-url must be an http or https address with a host "
					+ "and nothing after it but an optional /, such as https://simboard.example.com (a context path "
					+ "goes in server.servlet.context-path); it is " + publicUrl);
		}
	}

	/** {@code https://host[:port]}, with an optional {@code /} and nothing else. */
	private static boolean origin(URI url) {
		return ("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))
				&& url.getHost() != null && url.getRawUserInfo() == null && url.getRawQuery() == null
				&& url.getRawFragment() == null && (url.getRawPath().isEmpty() || url.getRawPath().equals("/"));
	}

	/** The public address without a trailing {@code /}, or {@code null} when unset. */
	String origin() {
		if (this.publicUrl == null) {
			return null;
		}
		String scheme = this.publicUrl.getScheme().toLowerCase(Locale.ROOT);
		return scheme + "://" + this.publicUrl.getRawAuthority();
	}

}
