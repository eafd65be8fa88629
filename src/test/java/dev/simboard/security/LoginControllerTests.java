package dev.simboard.security;

import org.junit.jupiter.api.Test;

import dev.simboard.web.PageTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PageTest(LoginController.class)
class LoginControllerTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void loginPageWhenDemoModeThenShowsDemoCredentialsAndCsrfField() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Demo mode")))
			.andExpect(content().string(containsString("name=\"_csrf\"")))
			.andExpect(content().string(containsString("name=\"username\"")))
			.andExpect(content().string(containsString("name=\"password\"")))
			.andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")));
	}

	@Test
	void loginPageWhenSignedOutThenLoadsNoHtmx() throws Exception {
		// Only signed-in pages use htmx, so /webjars stays behind sign-in.
		this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/webjars/"))))
			.andExpect(content().string(not(containsString("htmx-config"))));
	}

	@Test
	void loginPageWhenServedOverHttpsThenStrictTransportSecurity() throws Exception {
		this.mvc.perform(get("/login").secure(true))
			.andExpect(header().string("Strict-Transport-Security", containsString("max-age=")));
		this.mvc.perform(get("/login")).andExpect(header().doesNotExist("Strict-Transport-Security"));
	}

	@Test
	void loginPageWhenFailedThenSaysSo() throws Exception {
		this.mvc.perform(get("/login").param("error", "")).andExpect(content().string(containsString("did not match")));
	}

}
