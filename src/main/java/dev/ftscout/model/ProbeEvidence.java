package dev.ftscout.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code ftscout probe} found, in the form reports show it: the interpreter, every module
 * imported with its outcome, and the extension modules that turned the GIL back on.
 *
 * @param interpreter path of the interpreter the imports ran in
 * @param version its full version, e.g. {@code 3.14.0}
 * @param shortVersion {@code 3.14t} for a free-threaded build
 * @param freeThreaded whether GIL re-enabling was observed (false: a GIL-build dry run)
 * @param environment the probed environment, or empty
 * @param workers worker processes used
 * @param wallMillis wall time of the whole probe
 * @param modules one entry per imported module, by name
 * @param culprits GIL-using extension modules, each once
 * @param notes what qualifies the evidence
 */
public record ProbeEvidence(
    String interpreter,
    String version,
    String shortVersion,
    boolean freeThreaded,
    String environment,
    int workers,
    long wallMillis,
    List<Module> modules,
    List<Culprit> culprits,
    List<String> notes) {

  public ProbeEvidence {
    modules = List.copyOf(modules);
    culprits = List.copyOf(culprits);
    notes = List.copyOf(notes);
  }

  /** The outcome of one import. */
  public enum Status {
    OK,
    REENABLES_GIL,
    IMPORT_FAILED,
    CRASHED,
    TIMED_OUT;

    /** Kebab-case label used in JSON and tables. */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Words for people. */
    public String words() {
      return switch (this) {
        case OK -> "ok";
        case REENABLES_GIL -> "re-enables GIL";
        case IMPORT_FAILED -> "import failed";
        case CRASHED -> "crashed";
        case TIMED_OUT -> "timed out";
      };
    }
  }

  /**
   * One imported module.
   *
   * @param name the module name
   * @param kind {@code top-level}, {@code extension} or {@code requested}
   * @param status the outcome
   * @param distribution the distribution that installed it, or empty
   * @param version that distribution's version, or empty
   * @param evidence the line backing the status
   */
  public record Module(
      String name,
      String kind,
      Status status,
      String distribution,
      String version,
      String evidence) {}

  /**
   * An extension module that re-enabled the GIL.
   *
   * @param module the dotted extension module name
   * @param distribution its distribution, or empty
   * @param version that distribution's version, or empty
   * @param evidence the exact warning or {@code -v} line
   * @param chain how the project depends on it (e.g. {@code myapp}, {@code readability-lxml},
   *     {@code lxml 6.1.1}), when a dependency audit ran in the same invocation; else empty
   */
  public record Culprit(
      String module, String distribution, String version, String evidence, List<String> chain) {
    public Culprit {
      chain = List.copyOf(chain);
    }
  }

  /** Modules with the given status. */
  public List<Module> withStatus(Status status) {
    return modules.stream().filter(m -> m.status() == status).toList();
  }

  /**
   * The same evidence with dependency chains attached to culprits, keyed by culprit module or by
   * distribution name (as a dependency audit knows them).
   */
  public ProbeEvidence withChains(Map<String, List<String>> chains) {
    List<Culprit> out = new ArrayList<>();
    for (Culprit c : culprits) {
      List<String> chain =
          chains.getOrDefault(c.module(), chains.getOrDefault(c.distribution(), c.chain()));
      out.add(new Culprit(c.module(), c.distribution(), c.version(), c.evidence(), chain));
    }
    return new ProbeEvidence(
        interpreter,
        version,
        shortVersion,
        freeThreaded,
        environment,
        workers,
        wallMillis,
        modules,
        out,
        notes);
  }
}
