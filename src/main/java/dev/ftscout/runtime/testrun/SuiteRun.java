package dev.ftscout.runtime.testrun;

import dev.ftscout.model.TestEvidence.Outcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of every test in one complete run of the suite under one configuration (one repeat),
 * after crash and hang restarts were merged.
 *
 * @param outcomes test id to outcome, in run order
 * @param details test id to what its bad outcome looked like
 * @param locations test id to its file and first line, where known
 * @param singleThreaded test id to why it ran single-threaded under stress
 * @param gilEvents where the GIL was turned on: test id (or empty for collection) to the warning
 * @param exitCodes exit status of each process started
 */
record SuiteRun(
    Map<String, Outcome> outcomes,
    Map<String, Detail> details,
    Map<String, Location> locations,
    Map<String, String> singleThreaded,
    Map<String, String> gilEvents,
    List<Integer> exitCodes) {

  /** A test's file (relative to the project) and first line. */
  record Location(String file, int line) {}

  SuiteRun {
    outcomes = new LinkedHashMap<>(outcomes);
    details = Map.copyOf(details);
    locations = Map.copyOf(locations);
    singleThreaded = Map.copyOf(singleThreaded);
    gilEvents = Map.copyOf(gilEvents);
    exitCodes = List.copyOf(exitCodes);
  }
}
