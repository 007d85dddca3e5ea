package dev.ftscout.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ftscout.model.RuleInfo;
import dev.ftscout.model.UserError;
import dev.ftscout.rules.Rule;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ftscout rules [ID]}: the rule catalogue, or one rule explained with its doc page. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {"List every rule, or explain one (by id or name) with its doc page."})
public final class RulesCommand implements Callable<Integer> {
  private final Terminal terminal;
  private final Components components;

  @Parameters(paramLabel = "RULE", arity = "0..1", description = "A rule id or name to explain.")
  @Nullable String rule;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "text or json (default: text).",
      defaultValue = "text")
  String format = "text";

  public RulesCommand(Terminal terminal, Components components) {
    this.terminal = terminal;
    this.components = components;
  }

  @Override
  public Integer call() throws JsonProcessingException {
    boolean json =
        switch (format.toLowerCase(java.util.Locale.ROOT)) {
          case "text" -> false;
          case "json" -> true;
          default -> throw new UserError("--format: expected text or json, got '" + format + "'");
        };
    List<RuleInfo> infos;
    if (rule != null) {
      String wanted = rule;
      Rule found =
          components
              .registry()
              .find(wanted)
              .orElseThrow(
                  () -> new UserError("unknown rule '" + wanted + "' (see `ftscout rules`)"));
      infos = List.of(found.info());
      if (!json) {
        terminal.out().print(explain(found.info()));
        return 0;
      }
    } else {
      infos = components.registry().infos();
    }
    if (json) {
      ArrayNode list = components.json().createArrayNode();
      for (RuleInfo r : infos) {
        ObjectNode n = list.addObject();
        n.put("id", r.id());
        n.put("name", r.name());
        n.put("family", r.family());
        n.put("severity", r.severity().label());
        n.put("precision", r.precision().sarif());
        n.put("summary", r.summary());
        n.put("fix", r.fix());
        ArrayNode sources = n.putArray("sources");
        r.sources().forEach(sources::add);
        n.put("helpUri", components.docs().uri(r));
      }
      terminal
          .out()
          .println(
              components
                  .json()
                  .writer()
                  .with(SerializationFeature.INDENT_OUTPUT)
                  .writeValueAsString(list));
      return 0;
    }
    int nameWidth = infos.stream().mapToInt(r -> r.name().length()).max().orElse(4);
    for (RuleInfo r : infos) {
      terminal
          .out()
          .printf(
              "%s  %-" + nameWidth + "s  %-7s  %s%n",
              r.id(),
              r.name(),
              r.severity().label(),
              r.summary());
    }
    terminal.out().printf("%n%d rules. `ftscout rules ID` explains one.%n", infos.size());
    return 0;
  }

  /** The doc page as plain text, or the declared metadata when the page is missing. */
  private String explain(RuleInfo r) {
    return components
        .docs()
        .markdown(r)
        .map(md -> md.endsWith("\n") ? md : md + "\n")
        .orElseGet(
            () -> r.id() + " " + r.name() + "\n\n" + r.summary() + "\n\nFix: " + r.fix() + "\n");
  }
}
