package dev.simboard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * A test in a real Chromium against the whole app on its demo data. Every class so marked
 * shares one Spring context, one Chromium and one signed-in demo session
 * ({@link DemoBrowser}, taken as a parameter).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(DemoBrowser.Extension.class)
public @interface BrowserTest {

}
