package dev.ftscout.runtime.render;

import dev.ftscout.runtime.discovery.DiscoveryProblem;
import dev.ftscout.runtime.discovery.DoctorReport;
import dev.ftscout.runtime.discovery.Interpreter;
import dev.ftscout.runtime.discovery.Origin;
import dev.ftscout.runtime.probe.GilCulprit;
import dev.ftscout.runtime.probe.ModuleResult;
import dev.ftscout.runtime.probe.ModuleStatus;
import dev.ftscout.runtime.probe.ProbeException;
import dev.ftscout.runtime.probe.ProbeResult;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Plain-text renderings of doctor and probe results for the terminal (no colour). */
public final class RuntimeText {

  /** The doctor report: one line per interpreter, then warnings and advice. */
  public String doctor(DoctorReport report) {
    StringBuilder out = new StringBuilder();
    out.append("Interpreters found: ").append(report.interpreters().size()).append('\n');
    for (Interpreter i : report.interpreters()) {
      out.append(
          String.format(
              Locale.ROOT,
              "  %-8s %-10s %-13s %s%n",
              i.shortVersion(),
              i.freeThreadedBuild() ? "free-thr." : "GIL",
              i.gilEnabled().map(g -> g ? "GIL on now" : "GIL off now").orElse("-"),
              i.path()));
      out.append("           ")
          .append(i.implementation())
          .append(' ')
          .append(i.version())
          .append(", abiflags '")
          .append(i.abiFlags())
          .append("', ")
          .append(i.extensionSuffix())
          .append(i.pip() ? ", pip" : ", no pip")
          .append(i.virtualEnvironment() ? ", venv" : "")
          .append("; found via ")
          .append(i.origins().stream().map(RuntimeText::origin).collect(Collectors.joining(", ")))
          .append('\n');
    }
    for (DiscoveryProblem p : report.problems()) {
      out.append("  unusable  ").append(p.path()).append(": ").append(p.reason()).append('\n');
    }
    if (report.freeThreadedFound()) {
      report
          .recommended()
          .ifPresent(r ->
              out.append("Free-threaded interpreter for probe/test/bench: ")
                  .append(r.path())
                  .append('\n'));
    } else {
      out.append("No free-threaded interpreter found.\n");
    }
    for (String w : report.warnings()) {
      out.append("warning: ").append(w).append('\n');
    }
    if (!report.advice().isEmpty()) {
      out.append("How to get one:\n");
      report.advice().forEach(a -> out.append("  - ").append(a).append('\n'));
    }
    return out.toString();
  }

  /** The probe result: a summary, then every module that is not OK, then the culprits. */
  public String probe(ProbeResult result) {
    StringBuilder out = new StringBuilder();
    out.append("Probed ")
        .append(result.modules().size())
        .append(" modules in ")
        .append(result.interpreter().path())
        .append(" (")
        .append(result.interpreter().shortVersion())
        .append(result.mode() == ProbeResult.Mode.GIL_DRY_RUN ? ", GIL build: dry run" : "")
        .append(") with ")
        .append(result.workerProcesses())
        .append(result.workerProcesses() == 1 ? " worker process in " : " worker processes in ")
        .append(String.format(Locale.ROOT, "%.1f s", result.wallTime().toMillis() / 1000.0))
        .append('\n');
    for (ModuleStatus s : ModuleStatus.values()) {
      out.append(String.format(Locale.ROOT, "  %-14s %d%n", label(s), result.withStatus(s).size()));
    }
    for (ModuleResult m : result.modules()) {
      if (m.status() == ModuleStatus.OK) {
        continue;
      }
      out.append(String.format(Locale.ROOT, "%-14s %s", label(m.status()), m.module()));
      m.distribution()
          .ifPresent(d ->
              out.append(" (").append(d).append(' ').append(m.version().orElse("")).append(')'));
      out.append("\n    ").append(m.evidence()).append('\n');
    }
    List<GilCulprit> culprits = result.culprits();
    if (!culprits.isEmpty()) {
      out.append("Extension modules that re-enable the GIL:\n");
      for (GilCulprit c : culprits) {
        out.append("  ").append(c.module());
        c.distribution()
            .ifPresent(
                d -> out.append("  from ").append(d).append(' ').append(c.version().orElse("")));
        out.append('\n');
      }
    }
    result.notes().forEach(n -> out.append("note: ").append(n).append('\n'));
    return out.toString();
  }

  /** A refused or impossible probe: the message, then the advice. */
  public String probeError(ProbeException e) {
    StringBuilder out = new StringBuilder("error: ").append(e.getMessage()).append('\n');
    e.advice().forEach(a -> out.append("  - ").append(a).append('\n'));
    return out.toString();
  }

  private static String label(ModuleStatus s) {
    return switch (s) {
      case OK -> "ok";
      case REENABLES_GIL -> "re-enables GIL";
      case IMPORT_FAILED -> "import failed";
      case CRASHED -> "crashed";
      case TIMED_OUT -> "timed out";
    };
  }

  private static String origin(Origin o) {
    return o.kind().name().toLowerCase(Locale.ROOT).replace('_', '-') + " " + o.detail();
  }
}
