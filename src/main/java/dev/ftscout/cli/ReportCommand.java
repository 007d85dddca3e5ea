package dev.ftscout.cli;

import dev.ftscout.history.HistoryStore;
import dev.ftscout.history.RunRecord;
import dev.ftscout.model.UserError;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ftscout report RUN}: a saved run rendered again, exactly as it was. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Render a run saved by `ftscout check --save` (see `ftscout history`) in any output"
          + " format, e.g. `ftscout report 12 --format html -o report.html`."
    })
public final class ReportCommand implements Callable<Integer> {
  private final Terminal terminal;

  @Parameters(paramLabel = "RUN", description = "The run number.")
  long run;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text, json, sarif, markdown or html (default: ${DEFAULT-VALUE}).")
  String format = "text";

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to FILE (atomically) instead of standard output.")
  @Nullable Path output;

  @Option(names = "--history", paramLabel = "FILE", description = "The history database.")
  @Nullable Path history;

  public ReportCommand(Terminal terminal, Components components) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    String key = format.toLowerCase(Locale.ROOT);
    Path db = HistoryLocation.resolve(terminal, history);
    RunRecord record;
    try (HistoryStore store = HistoryStore.open(db)) {
      record =
          store.load(run).orElseThrow(() -> new UserError(db + ": no run " + run + " in history"));
    }
    String text = record.renderings().get(key);
    if (text == null) {
      throw new UserError(
          "run "
              + run
              + " has no "
              + format
              + " rendering (has "
              + record.renderings().keySet()
              + ")");
    }
    if (output != null) {
      OutputFiles.writeAtomically(terminal.workingDir().resolve(output), text);
    } else {
      terminal.out().print(text);
      terminal.out().flush();
    }
    return 0;
  }
}
