package dev.simboard.sigmamind;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches in {@link DemoMode}: no SigmaMind API key is configured, so Simboard serves its
 * demo API.
 */
public class DemoModeCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		boolean demo = DemoMode.in(context.getEnvironment());
		return demo ? ConditionOutcome.match("no SigmaMind API key: demo mode")
				: ConditionOutcome.noMatch("a SigmaMind API key is configured");
	}

	/** The opposite: a real key is configured. */
	public static class Off extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ConditionOutcome demo = new DemoModeCondition().getMatchOutcome(context, metadata);
			return new ConditionOutcome(!demo.isMatch(), demo.getConditionMessage());
		}

	}

}
