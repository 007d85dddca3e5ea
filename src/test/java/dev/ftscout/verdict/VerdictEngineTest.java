package dev.ftscout.verdict;

import static dev.ftscout.model.ConcurrencyFacts.Kind.ASYNCIO;
import static dev.ftscout.model.ConcurrencyFacts.Kind.CPU_LIBRARY;
import static dev.ftscout.model.ConcurrencyFacts.Kind.DB_CLIENT;
import static dev.ftscout.model.ConcurrencyFacts.Kind.MULTIPROCESSING;
import static dev.ftscout.model.ConcurrencyFacts.Kind.PROCESS_POOL;
import static dev.ftscout.model.ConcurrencyFacts.Kind.THREADING;
import static dev.ftscout.model.ConcurrencyFacts.Kind.WEB_FRAMEWORK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.model.ExtensionModule.GilDeclaration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Each verdict rule fires when it should and not otherwise, and the rules combine as documented.
 */
class VerdictEngineTest {
  private final VerdictEngine engine = VerdictEngine.standard();

  private Assessment assess(Inputs in) {
    return engine.assess(in.build());
  }

  private static List<String> fired(Assessment a) {
    return a.reasons().stream().map(Reason::rule).toList();
  }

  @Test
  void v01BlockerMakesItNoWithTheChainAndFirstFixedRelease() {
    Assessment a =
        assess(
            Inputs.project()
                .signal(CPU_LIBRARY, "numpy")
                .blocker("numpy", "1.26.4", Optional.of("2.1.0")));
    assertThat(a.verdict()).isEqualTo(Verdict.NO);
    Reason top = a.reasons().get(0);
    assertThat(top.rule()).isEqualTo("V01");
    assertThat(top.title())
        .isEqualTo("1 dependency has no free-threaded wheel for 3.14t and no pure-Python fallback");
    assertThat(top.evidence().get(0).text())
        .isEqualTo(
            "numpy@1.26.4: myapp → pandas 2.1.0 → numpy 1.26.4: no cp314t wheel; first free-threaded release 2.1.0");
    assertThat(a.nextSteps().get(0).action()).isEqualTo("Upgrade numpy to 2.1.0");
    assertThat(fired(assess(Inputs.project()))).doesNotContain("V01");
  }

  @Test
  void v01BlockerWithoutAnyFixSaysSo() {
    Assessment a = assess(Inputs.project().blocker("grpcio", "1.66.0", Optional.empty()));
    assertThat(a.nextSteps().get(0).action())
        .startsWith("No release of grpcio ships a free-threaded wheel yet")
        .endsWith("(pulled in by pandas 2.1.0)");
  }

  @Test
  void v02ProbeCulpritMakesItNoEvenWithEverythingElseGood() {
    Assessment a =
        assess(
            Inputs.project()
                .signal(CPU_LIBRARY, "numpy")
                .probeCulprit("lxml.etree", "lxml")
                .tests(40, 0, 0, 0, 0)
                .bench(3.5, 1.05));
    assertThat(a.verdict()).isEqualTo(Verdict.NO);
    assertThat(a.confidence()).isEqualTo(Confidence.VERIFIED);
    assertThat(a.reasons().get(0).rule()).isEqualTo("V02");
    assertThat(a.reasons().get(0).evidence().get(0).text())
        .isEqualTo(
            "lxml@6.1.1: myapp → readability-lxml 0.8.1 → lxml 6.1.1: lxml.etree re-enables the GIL"
                + " (# loading module 'lxml.etree', which requires the GIL)");
    assertThat(a.nextSteps()).anyMatch(s -> s.action().startsWith("Upgrade or replace lxml 6.1.1"));
  }

  @Test
  void v03OwnUndeclaredModuleIsNoAndV09ConditionalIsMaybe() {
    Assessment no = assess(Inputs.project().module(GilDeclaration.NO));
    assertThat(no.verdict()).isEqualTo(Verdict.NO);
    assertThat(no.reasons().get(0).rule()).isEqualTo("V03");
    assertThat(no.nextSteps())
        .anyMatch(s -> s.action().contains("add {Py_mod_gil, Py_MOD_GIL_NOT_USED}"));
    Assessment maybe = assess(Inputs.project().module(GilDeclaration.CONDITIONAL));
    assertThat(maybe.verdict()).isEqualTo(Verdict.MAYBE);
    assertThat(fired(maybe)).contains("V09").doesNotContain("V03");
    assertThat(fired(assess(Inputs.project().module(GilDeclaration.YES))))
        .doesNotContain("V03", "V09");
  }

  @Test
  void v04CrashesAreNo() {
    assertThat(assess(Inputs.project().probeCrash("bad._ext")).reasons().get(0).rule())
        .isEqualTo("V04");
    assertThat(assess(Inputs.project().probeClean().tests(10, 0, 0, 0, 1)).verdict())
        .isEqualTo(Verdict.NO);
  }

  @Test
  void v05IoBoundIsNoUnlessCpuWorkOrScaling() {
    Assessment a =
        assess(Inputs.project().signal(ASYNCIO, "asyncio.run").signal(DB_CLIENT, "asyncpg"));
    assertThat(a.verdict()).isEqualTo(Verdict.NO);
    assertThat(a.reasons().get(0).title())
        .startsWith("I/O-bound: asyncio is the concurrency model");
    Assessment web = assess(Inputs.project().signal(WEB_FRAMEWORK, "flask"));
    assertThat(web.reasons().get(0).title()).startsWith("I/O-bound: web, database and network");
    assertThat(
            fired(
                assess(
                    Inputs.project()
                        .signal(WEB_FRAMEWORK, "django")
                        .signal(PROCESS_POOL, "ProcessPoolExecutor"))))
        .doesNotContain("V05");
    assertThat(fired(assess(Inputs.project().signal(WEB_FRAMEWORK, "flask").bench(2.0, 1.05))))
        .doesNotContain("V05");
    assertThat(fired(assess(Inputs.project().signal(THREADING, "Thread")))).doesNotContain("V05");
  }

  @Test
  void v06MultiprocessingIsTheMaybeTopReason() {
    Assessment a = assess(Inputs.project().signal(MULTIPROCESSING, "multiprocessing.Pool"));
    assertThat(a.verdict()).isEqualTo(Verdict.MAYBE);
    assertThat(a.confidence()).isEqualTo(Confidence.STATIC);
    assertThat(a.reasons().get(0).rule()).isEqualTo("V06");
    assertThat(a.reasons().get(0).evidence().get(0).text())
        .isEqualTo("app/main.py:1: multiprocessing.Pool");
  }

  @Test
  void v07TestRegressionsRuleOutYes() {
    Assessment a =
        assess(
            Inputs.project()
                .signal(CPU_LIBRARY, "numpy")
                .probeClean()
                .tests(40, 2, 1, 1, 0)
                .bench(3.0, 1.05));
    assertThat(a.verdict()).isEqualTo(Verdict.MAYBE);
    assertThat(a.reasons().get(0).rule()).isEqualTo("V07");
    assertThat(a.reasons().get(0).title())
        .isEqualTo("2 tests fail without the GIL, 1 only under thread stress, 1 test hangs");
  }

  @Test
  void v08HazardsWeighMoreWithErrors() {
    Reason warn = assess(Inputs.project().hazards(0, 3)).reasons().get(0);
    assertThat(warn.rule()).isEqualTo("V08");
    assertThat(warn.weight()).isEqualTo(50);
    Reason err = assess(Inputs.project().hazards(2, 1)).reasons().get(0);
    assertThat(err.weight()).isEqualTo(65);
    assertThat(err.title())
        .isEqualTo("3 hazards in the project's own code to fix first (2 errors, 1 warning)");
    assertThat(err.evidence().get(0).text())
        .isEqualTo("app/stats.py:12:5: FT101 global counter incremented from threads");
  }

  @Test
  void v10NoScalingAndV11TaxAreMaybe() {
    Assessment a = assess(Inputs.project().bench(1.1, 1.22));
    assertThat(fired(a)).contains("V10", "V11");
    Reason tax = a.reasons().stream().filter(r -> r.rule().equals("V11")).findFirst().orElseThrow();
    assertThat(tax.title())
        .isEqualTo("One thread runs 22% slower free-threaded, above PEP 779's 15% bound");
    assertThat(fired(assess(Inputs.project().bench(3.0, 1.05)))).doesNotContain("V10", "V11");
  }

  @Test
  void v12ReadyButUnverifiedAndV13Unknown() {
    assertThat(fired(assess(Inputs.project()))).contains("V12");
    assertThat(fired(assess(Inputs.project().probeClean()))).doesNotContain("V12");
    assertThat(
            assess(Inputs.project().unknownDependency("private-pkg: not on the index")).reasons())
        .anyMatch(
            r -> r.rule().equals("V13") && r.title().equals("1 dependency could not be assessed"));
    assertThat(fired(assess(Inputs.project().unknownDependency("x: not found on the index"))))
        .doesNotContain("V12");
    assertThat(
            fired(
                assess(
                    Inputs.project()
                        .signal(CPU_LIBRARY, "numpy")
                        .unknownDependency("numpy: not found on the index"))))
        .doesNotContain("V14");
    Assessment notAudited = assess(Inputs.project().depsNotAudited("the index did not answer"));
    assertThat(fired(notAudited)).contains("V13").doesNotContain("V12", "V14");
  }

  @Test
  void yesNeedsProbeTestsAndABenefit() {
    Assessment yes =
        assess(Inputs.project().signal(CPU_LIBRARY, "numpy").probeClean().tests(40, 0, 0, 0, 0));
    assertThat(yes.verdict()).isEqualTo(Verdict.YES);
    assertThat(fired(yes)).startsWith("V14").contains("V15", "V16");
    Assessment byScaling =
        assess(
            Inputs.project()
                .signal(PROCESS_POOL, "ProcessPoolExecutor")
                .probeClean()
                .tests(40, 0, 0, 0, 0)
                .bench(3.6, 1.04));
    assertThat(byScaling.verdict()).isEqualTo(Verdict.YES);
    assertThat(byScaling.reasons().get(0).rule()).isEqualTo("V17");
    assertThat(byScaling.reasons().get(0).title()).isEqualTo("Threads scale: 3.60× at 8 threads");
    assertThat(assess(Inputs.project().signal(CPU_LIBRARY, "numpy").probeClean()).verdict())
        .isEqualTo(Verdict.MAYBE);
    assertThat(
            assess(Inputs.project().signal(CPU_LIBRARY, "numpy").tests(40, 0, 0, 0, 0)).verdict())
        .isEqualTo(Verdict.MAYBE);
    assertThat(
            assess(
                    Inputs.project()
                        .signal(CPU_LIBRARY, "numpy")
                        .probeClean()
                        .tests(40, 0, 0, 0, 0)
                        .hazards(1, 0))
                .verdict())
        .isEqualTo(Verdict.MAYBE);
  }

  @Test
  void nextStepsOfferTheRuntimeChecksThatAreMissing() {
    Assessment a = assess(Inputs.project().signal(MULTIPROCESSING, "Pool"));
    assertThat(a.nextSteps())
        .extracting(NextStep::command)
        .contains(
            "ftscout check examples/app --probe",
            "ftscout check examples/app --test \"python -m pytest\"",
            "ftscout bench --python python3.14 --python python3.14t");
    Assessment verified =
        assess(
            Inputs.project()
                .signal(CPU_LIBRARY, "numpy")
                .probeClean()
                .tests(4, 0, 0, 0, 0)
                .bench(2.0, 1.0));
    assertThat(verified.nextSteps()).isEmpty();
  }

  @Test
  void quotesProjectPathsForTheShell() {
    assertThat(VerdictEngine.quote("examples/app")).isEqualTo("examples/app");
    assertThat(VerdictEngine.quote("my app's")).isEqualTo("'my app'\\''s'");
  }

  @Test
  void everyRuleIsDocumentedInTheGeneratedTable() throws Exception {
    java.nio.file.Path docFile = dev.ftscout.testing.TestVenvs.basedir().resolve("docs/verdict.md");
    String doc = java.nio.file.Files.readString(docFile);
    String begin = "<!-- generated from VerdictRules: begin -->\n";
    String end = "<!-- generated from VerdictRules: end -->\n";
    StringBuilder table =
        new StringBuilder("| id | rule | points to | fires when |\n|---|---|---|---|\n");
    for (VerdictRule rule : engine.rules()) {
      table
          .append("| ")
          .append(rule.id())
          .append(" | `")
          .append(rule.name())
          .append("` | ")
          .append(rule.pointsTo().label())
          .append(" | ")
          .append(rule.description())
          .append(" |\n");
    }
    int b = doc.indexOf(begin);
    int e = doc.indexOf(end);
    assertThat(b).isNotNegative();
    assertThat(e).isGreaterThan(b);
    String expected = doc.substring(0, b + begin.length()) + table + doc.substring(e);
    if (Boolean.getBoolean("ftscout.updateGoldens")) {
      java.nio.file.Files.writeString(docFile, expected);
    }
    assertThat(java.nio.file.Files.readString(docFile)).isEqualTo(expected);
    assertThat(engine.rules()).extracting(VerdictRule::id).doesNotHaveDuplicates();
  }
}
