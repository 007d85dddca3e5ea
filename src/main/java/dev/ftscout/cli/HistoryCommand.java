package dev.ftscout.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ftscout.history.HistoryStore;
import dev.ftscout.history.RunDiff;
import dev.ftscout.history.RunSummary;
import dev.ftscout.history.StoredDependency;
import dev.ftscout.history.StoredFinding;
import dev.ftscout.model.UserError;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ftscout history}: the runs saved by {@code check --save}, and what changed. */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "List the runs `ftscout check --save` recorded for a project, newest first.",
      "`ftscout history diff [FROM] [TO]` shows what changed between two runs (default: the"
          + " last two of the project): verdict, new and fixed findings, dependencies that"
          + " became free-threaded."
    },
    subcommands = HistoryCommand.Diff.class)
public final class HistoryCommand implements Callable<Integer> {
  private final Terminal terminal;
  private final Components components;

  @Parameters(
      paramLabel = "PATH",
      arity = "0..1",
      description = "The project folder (default: the current folder).")
  @Nullable Path path;

  @Option(names = "--all", description = "List the runs of every project.")
  boolean all;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "20",
      description = "Show at most N runs (default: ${DEFAULT-VALUE}).")
  int limit = 20;

  @Option(names = "--history", paramLabel = "FILE", description = "The history database.")
  @Nullable Path history;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  String format = "text";

  public HistoryCommand(Terminal terminal, Components components) {
    this.terminal = terminal;
    this.components = components;
  }

  @Override
  public Integer call() throws JsonProcessingException {
    boolean json = jsonFormat(format);
    Optional<String> project =
        all ? Optional.empty() : Optional.of(projectRoot(terminal, components, path));
    List<RunSummary> runs;
    try (HistoryStore store = HistoryStore.open(HistoryLocation.resolve(terminal, history))) {
      runs = store.list(project, limit);
    }
    if (json) {
      ArrayNode list = components.json().createArrayNode();
      for (RunSummary r : runs) {
        ObjectNode n = list.addObject();
        n.put("id", r.id());
        n.put("recordedAt", r.recordedAt().toString());
        n.put("project", r.project());
        n.put("gitCommit", r.gitCommit());
        n.put("toolVersion", r.toolVersion());
        n.put("verdict", r.verdict());
        n.put("confidence", r.confidence());
        n.put("findings", r.findings());
      }
      terminal.out().println(pretty(list));
      return 0;
    }
    if (runs.isEmpty()) {
      terminal
          .out()
          .println(
              "No saved runs"
                  + project.map(p -> " for " + p).orElse("")
                  + ". Record one with `ftscout check --save`.");
      return 0;
    }
    terminal
        .out()
        .printf(
            "%5s  %-20s  %-8s  %-9s  %8s  %-10s  %s%n",
            "run", "recorded", "verdict", "confidence", "findings", "commit", all ? "project" : "");
    for (RunSummary r : runs) {
      terminal
          .out()
          .printf(
              "%5d  %-20s  %-8s  %-10s  %8d  %-10s  %s%n",
              r.id(),
              r.recordedAt()
                  .toString()
                  .replace('T', ' ')
                  .replaceAll("\\.\\d+", "")
                  .replace("Z", ""),
              r.verdict(),
              r.confidence(),
              r.findings(),
              r.gitCommit().length() > 10 ? r.gitCommit().substring(0, 10) : r.gitCommit(),
              all ? r.project() : "");
    }
    return 0;
  }

  static boolean jsonFormat(String format) {
    return switch (format.toLowerCase(Locale.ROOT)) {
      case "text" -> false;
      case "json" -> true;
      default -> throw new UserError("--format: expected text or json, got '" + format + "'");
    };
  }

  /** The project root the config loader finds for {@code path}, as history keys runs by it. */
  static String projectRoot(Terminal terminal, Components components, @Nullable Path path) {
    Path start = path == null ? terminal.workingDir() : terminal.workingDir().resolve(path);
    return components.configLoader().load(start, Optional.empty()).root().toString();
  }

  private String pretty(Object tree) throws JsonProcessingException {
    return components
        .json()
        .writer()
        .with(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(tree);
  }

  /** {@code ftscout history diff}. */
  @Command(
      name = "diff",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description = "What changed between two saved runs (default: the project's last two).")
  public static final class Diff implements Callable<Integer> {
    private final Terminal terminal;
    private final Components components;

    @Parameters(paramLabel = "RUN", arity = "0..2", description = "Older and newer run numbers.")
    List<Long> runs = new java.util.ArrayList<>();

    @Option(names = "--project", paramLabel = "PATH", description = "Project for the default runs.")
    @Nullable Path project;

    @Option(names = "--history", paramLabel = "FILE", description = "The history database.")
    @Nullable Path history;

    @Option(
        names = "--format",
        paramLabel = "FORMAT",
        defaultValue = "text",
        description = "text or json (default: ${DEFAULT-VALUE}).")
    String format = "text";

    public Diff(Terminal terminal, Components components) {
      this.terminal = terminal;
      this.components = components;
    }

    @Override
    public Integer call() throws JsonProcessingException {
      boolean json = jsonFormat(format);
      RunDiff diff;
      try (HistoryStore store = HistoryStore.open(HistoryLocation.resolve(terminal, history))) {
        long from;
        long to;
        if (runs.size() == 2) {
          from = runs.get(0);
          to = runs.get(1);
        } else {
          String root = projectRoot(terminal, components, project);
          List<RunSummary> recent = store.list(Optional.of(root), 2);
          if (runs.size() == 1) {
            from = runs.get(0);
            to =
                recent.stream()
                    .findFirst()
                    .orElseThrow(() -> new UserError("no saved runs for " + root))
                    .id();
          } else {
            if (recent.size() < 2) {
              throw new UserError(
                  "need two saved runs of " + root + " to compare (found " + recent.size() + ")");
            }
            from = recent.get(1).id();
            to = recent.get(0).id();
          }
        }
        diff = store.diff(from, to);
      }
      if (json) {
        terminal.out().println(toJson(diff));
      } else {
        terminal.out().print(text(diff));
      }
      return 0;
    }

    private String toJson(RunDiff diff) throws JsonProcessingException {
      ObjectNode root = components.json().createObjectNode();
      root.put("from", diff.from().id());
      root.put("to", diff.to().id());
      root.put("verdictFrom", diff.from().verdict());
      root.put("verdictTo", diff.to().verdict());
      findings(root.putArray("newFindings"), diff.newFindings());
      findings(root.putArray("fixedFindings"), diff.fixedFindings());
      ArrayNode deps = root.putArray("dependencyChanges");
      for (RunDiff.DependencyChange c : diff.dependencyChanges()) {
        ObjectNode n = deps.addObject();
        n.put("name", c.name());
        n.put("target", c.target());
        n.put("before", c.before().map(HistoryCommand::describe).orElse(""));
        n.put("after", c.after().map(HistoryCommand::describe).orElse(""));
        n.put("becameFreeThreaded", c.becameReady());
        n.put("stoppedBeingFreeThreaded", c.stoppedBeingReady());
      }
      return components
          .json()
          .writer()
          .with(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(root);
    }

    private static void findings(ArrayNode list, List<StoredFinding> findings) {
      for (StoredFinding f : findings) {
        ObjectNode n = list.addObject();
        n.put("ruleId", f.ruleId());
        n.put("severity", f.severity());
        n.put("path", f.path());
        n.put("line", f.line());
        n.put("message", f.message());
      }
    }

    static String text(RunDiff diff) {
      StringBuilder out = new StringBuilder();
      out.append("Run ")
          .append(diff.from().id())
          .append(" (")
          .append(diff.from().recordedAt())
          .append(") → run ")
          .append(diff.to().id())
          .append(" (")
          .append(diff.to().recordedAt())
          .append(")\n");
      out.append("Verdict: ")
          .append(diff.verdictChange().orElse(diff.to().verdict() + " (unchanged)"))
          .append('\n');
      List<RunDiff.DependencyChange> ready =
          diff.dependencyChanges().stream().filter(RunDiff.DependencyChange::becameReady).toList();
      List<RunDiff.DependencyChange> broke =
          diff.dependencyChanges().stream()
              .filter(RunDiff.DependencyChange::stoppedBeingReady)
              .toList();
      section(
          out,
          "Dependencies that became free-threaded",
          ready.stream().map(HistoryCommand.Diff::change).toList());
      section(
          out,
          "Dependencies that stopped working free-threaded",
          broke.stream().map(HistoryCommand.Diff::change).toList());
      section(
          out,
          "Other dependency changes",
          diff.dependencyChanges().stream()
              .filter(c -> !c.becameReady() && !c.stoppedBeingReady())
              .map(HistoryCommand.Diff::change)
              .toList());
      section(
          out,
          "New findings",
          diff.newFindings().stream().map(HistoryCommand.Diff::finding).toList());
      section(
          out,
          "Fixed findings",
          diff.fixedFindings().stream().map(HistoryCommand.Diff::finding).toList());
      return out.toString();
    }

    private static void section(StringBuilder out, String title, List<String> lines) {
      out.append(title).append(" (").append(lines.size()).append(")\n");
      lines.forEach(l -> out.append("  ").append(l).append('\n'));
    }

    private static String change(RunDiff.DependencyChange c) {
      return c.name()
          + " ["
          + c.target()
          + "]: "
          + c.before().map(HistoryCommand::describe).orElse("absent")
          + " → "
          + c.after().map(HistoryCommand::describe).orElse("removed");
    }

    private static String finding(StoredFinding f) {
      return f.path() + ":" + f.line() + " " + f.ruleId() + " " + f.message();
    }
  }

  static String describe(StoredDependency d) {
    return d.version() + " (" + d.status() + ")";
  }
}
