package dev.simboard.model;

/**
 * Which attempt of its test case a run is.
 *
 * @param number from 1, oldest first
 * @param of how many attempts the test case has in the batch
 */
public record Attempt(int number, int of) {

	@Override
	public String toString() {
		return this.number + " of " + this.of;
	}

}
