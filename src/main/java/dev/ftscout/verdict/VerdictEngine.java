package dev.ftscout.verdict;

import dev.ftscout.model.ExtensionModule;
import dev.ftscout.model.ExtensionModule.GilDeclaration;
import dev.ftscout.model.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the facts into a verdict: any reason for No makes it No; Yes needs the GIL to stay off in
 * the probe, the tests to pass without it, and a benefit (threads scale, or a scientific
 * C-extension stack), with nothing that rules Yes out; everything else is Maybe.
 */
public final class VerdictEngine {
  /** Maybe-reasons that rule out Yes even when the Yes evidence is all there. */
  private static final Set<String> RULE_OUT_YES = Set.of("V07", "V10");

  /** Its findings are the own-module steps above, said once. */
  private static final String MISSING_DECLARATION_RULE = "FT201";

  private final List<VerdictRule> rules;

  public VerdictEngine(List<VerdictRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The engine with the full rubric. */
  public static VerdictEngine standard() {
    return new VerdictEngine(VerdictRules.all());
  }

  public Assessment assess(VerdictInput in) {
    List<Reason> reasons = new ArrayList<>();
    for (VerdictRule rule : rules) {
      rule.evaluate().apply(in).ifPresent(reasons::add);
    }
    Set<String> fired = reasons.stream().map(Reason::rule).collect(Collectors.toSet());
    Verdict verdict;
    if (reasons.stream().anyMatch(r -> r.pointsTo() == Verdict.NO)) {
      verdict = Verdict.NO;
    } else if (fired.contains("V15")
        && fired.contains("V16")
        && (fired.contains("V17") || fired.contains("V14"))
        && fired.stream().noneMatch(RULE_OUT_YES::contains)
        && in.hazards().errors() == 0) {
      verdict = Verdict.YES;
    } else {
      verdict = Verdict.MAYBE;
    }
    final Verdict chosen = verdict;
    reasons.sort(
        Comparator.comparing((Reason r) -> r.pointsTo() != chosen)
            .thenComparing(Comparator.comparingInt(Reason::weight).reversed())
            .thenComparing(Reason::rule));
    return new Assessment(
        verdict,
        in.verified() ? Confidence.VERIFIED : Confidence.STATIC,
        reasons,
        nextSteps(in),
        in.failures());
  }

  private static List<NextStep> nextSteps(VerdictInput in) {
    List<NextStep> steps = new ArrayList<>(in.dependencies().upgradePlan());
    for (VerdictInput.Blocker b : in.dependencies().blockers()) {
      if (b.fixedIn().isEmpty()) {
        steps.add(
            new NextStep(
                "No release of "
                    + b.name()
                    + " ships a free-threaded wheel yet: ask its maintainers, build it from source"
                    + " with the declaration, or replace it"
                    + (b.chain().size() > 2 ? " (pulled in by " + b.chain().get(1) + ")" : ""),
                ""));
      }
    }
    in.probe()
        .ifPresent(p ->
            p.reEnablers()
                .forEach(c ->
                    steps.add(
                        new NextStep(
                            "Upgrade or replace "
                                + c.distribution()
                                + " "
                                + c.version()
                                + ": its module "
                                + c.module()
                                + " turns the GIL back on",
                            ""))));
    for (ExtensionModule m : in.ownModules()) {
      if (m.declaration() != GilDeclaration.YES) {
        steps.add(
            new NextStep(
                "Declare GIL-free support in "
                    + m.name()
                    + " ("
                    + m.path()
                    + ":"
                    + m.line()
                    + "): "
                    + m.binding().declarationFix(),
                ""));
      }
    }
    for (Finding f : in.hazards().top()) {
      if (f.ruleId().equals(MISSING_DECLARATION_RULE)) {
        continue;
      }
      steps.add(new NextStep("Fix " + f.ruleId() + " at " + f.location() + ": " + f.fix(), ""));
    }
    String project = quote(in.project());
    if (in.probe().filter(VerdictInput.Probe::freeThreaded).isEmpty()) {
      steps.add(
          new NextStep(
              "Import every dependency in a free-threaded interpreter to catch GIL re-enables"
                  + " (find one with `ftscout doctor`)",
              "ftscout check " + project + " --probe"));
    }
    if (in.tests().filter(VerdictInput.Tests::freeThreadedRan).isEmpty()) {
      steps.add(
          new NextStep(
              "Run the test suite with and without the GIL, and under thread stress",
              "ftscout check " + project + " --test \"python -m pytest\""));
    }
    if (in.bench().filter(VerdictInput.Bench::freeThreaded).isEmpty()) {
      steps.add(
          new NextStep(
              "Measure the single-thread tax and thread scaling of your own workload",
              "ftscout bench --python python3.14 --python python3.14t"));
    }
    return steps;
  }

  /** The project path as a shell word. */
  static String quote(String path) {
    return path.matches("[A-Za-z0-9_./@%+=:,-]+") ? path : "'" + path.replace("'", "'\\''") + "'";
  }

  /** The verdict rules, for documentation and meta-tests. */
  public List<VerdictRule> rules() {
    return rules;
  }

  /** The rule with this id. */
  public Optional<VerdictRule> rule(String id) {
    return rules.stream().filter(r -> r.id().equals(id)).findFirst();
  }
}
