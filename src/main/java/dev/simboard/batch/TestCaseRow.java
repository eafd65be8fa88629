package dev.simboard.batch;

/**
 * A test case the batch plays.
 *
 * @param id the test case ID
 * @param label its name
 * @param model the model playing the simulated user, or a dash
 * @param attempts how many attempts the batch makes of it
 * @param successCriteria what the judge expects
 */
record TestCaseRow(String id, String label, String model, String attempts, String successCriteria) {

}
