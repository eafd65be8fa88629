package dev.simboard.security;

/**
 * Start-up stops with this when a real SigmaMind key is set but nobody could sign in.
 */
class NoUsersConfiguredException extends IllegalStateException {

	NoUsersConfiguredException() {
		super("No users are configured for a Simboard connected to a real SigmaMind");
	}

}
