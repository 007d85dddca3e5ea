package dev.ftscout.runtime.testrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ftscout.model.Progress;
import dev.ftscout.model.TestEvidence;
import dev.ftscout.model.TestEvidence.Category;
import dev.ftscout.model.TestEvidence.Configuration;
import dev.ftscout.model.TestEvidence.Outcome;
import dev.ftscout.runtime.discovery.Doctor;
import dev.ftscout.runtime.discovery.Interpreter;
import dev.ftscout.runtime.discovery.InterpreterDiscovery;
import dev.ftscout.runtime.discovery.InterpreterException;
import dev.ftscout.runtime.discovery.PythonEnvironment;
import dev.ftscout.runtime.process.ProcessResult;
import dev.ftscout.runtime.process.ProcessRunner;
import dev.ftscout.runtime.process.ProcessSpec;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * {@code ftscout test}: runs a project's test suite under each configuration (GIL build,
 * free-threaded build, free-threaded with {@code PYTHON_GIL=0}, thread stress), collects per-test
 * outcomes (JUnit XML and the plugin's events), restarts after a crash or a hang without the test
 * that caused it, and diffs the outcomes against the GIL baseline.
 */
public final class TestRunner {
  private static final int MAX_RESTARTS = 25;
  private static final Pattern DUMP_FRAME = Pattern.compile("File \"([^\"]+)\", line \\d+");
  private static final String[] KIT = {
    "ftscout_testkit.py", "ftscout_pytest.py", "ftscout_unittest.py"
  };

  private final ProcessRunner runner;
  private final InterpreterDiscovery discovery;
  private final Map<String, String> environment;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param environment the user's environment; cleaned with {@link PythonEnvironment#clean}
   */
  public TestRunner(
      ProcessRunner runner, InterpreterDiscovery discovery, Map<String, String> environment) {
    this.runner = runner;
    this.discovery = discovery;
    this.environment = PythonEnvironment.clean(environment);
  }

  /** One configuration to run. */
  private record Plan(
      String label, Interpreter interpreter, boolean gilOff, int threads, int iterations) {}

  /** Runs every configuration and compares them. */
  public TestEvidence run(TestRequest request, Progress progress) throws TestRunException {
    List<Interpreter> interpreters = interpreters(request);
    Invocation invocation = Invocation.of(request.command());
    List<Plan> plans = plans(interpreters, request);
    Path work;
    try {
      work = Files.createTempDirectory("ftscout-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Path kit = work.resolve("kit");
      copyKit(kit);
      progress.start("test runs", plans.size() * request.repeat());
      List<ConfigRun> runs = new ArrayList<>();
      for (Plan plan : plans) {
        long started = System.nanoTime();
        List<SuiteRun> repeats = new ArrayList<>();
        for (int r = 0; r < request.repeat(); r++) {
          repeats.add(suite(plan, invocation, kit, work.resolve(plan.label() + "-" + r), request));
          progress.step(plan.label());
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        Map<String, Integer> counts = new TreeMap<>();
        List<Integer> exits = new ArrayList<>();
        for (SuiteRun s : repeats) {
          s.outcomes().values().forEach(o -> counts.merge(o.label(), 1, Integer::sum));
          exits.addAll(s.exitCodes());
        }
        Interpreter i = plan.interpreter();
        runs.add(
            new ConfigRun(
                new Configuration(
                    plan.label(),
                    i.path().toString(),
                    i.shortVersion(),
                    i.freeThreadedBuild(),
                    plan.gilOff(),
                    Math.max(1, plan.threads()),
                    plan.iterations(),
                    request.repeat(),
                    counts,
                    millis,
                    exits),
                i.path().toString(),
                repeats));
      }
      progress.finish();
      return new TestEvidence(
          request.command(),
          invocation.runner().label(),
          runs.stream().map(ConfigRun::configuration).toList(),
          TestDiff.outcomes(runs),
          TestDiff.problems(runs),
          TestDiff.singleThreaded(runs),
          notes(runs, interpreters, invocation, request));
    } finally {
      deleteTree(work);
    }
  }

  private List<Interpreter> interpreters(TestRequest request) throws TestRunException {
    List<Interpreter> out = new ArrayList<>();
    List<Path> asked = request.pythons();
    try {
      if (asked.isEmpty()) {
        out.add(discovery.inspect(Path.of("python3")));
        new Doctor(discovery)
            .examine()
            .recommended()
            .filter(ft -> out.stream().noneMatch(i -> i.path().equals(ft.path())))
            .ifPresent(out::add);
      } else {
        for (Path p : asked) {
          out.add(discovery.inspect(p));
        }
      }
    } catch (InterpreterException e) {
      throw new TestRunException(String.valueOf(e.getMessage()));
    }
    for (Interpreter i : out) {
      if (!i.supported()) {
        throw new TestRunException(
            i.path() + " is Python " + i.version() + "; ftscout test needs CPython 3.9+");
      }
    }
    return out;
  }

  private static List<Plan> plans(List<Interpreter> interpreters, TestRequest request) {
    List<Plan> plans = new ArrayList<>();
    Set<String> labels = new LinkedHashSet<>();
    List<Interpreter> gil = interpreters.stream().filter(i -> !i.freeThreadedBuild()).toList();
    List<Interpreter> ft = interpreters.stream().filter(Interpreter::freeThreadedBuild).toList();
    for (Interpreter i : gil) {
      plans.add(new Plan(unique(labels, "gil-" + i.shortVersion()), i, false, 1, 1));
    }
    for (Interpreter i : ft) {
      plans.add(new Plan(unique(labels, "ft-" + i.shortVersion()), i, false, 1, 1));
      plans.add(new Plan(unique(labels, "ft-" + i.shortVersion() + "-gil0"), i, true, 1, 1));
    }
    if (request.stressThreads() > 1) {
      for (Interpreter i : ft.isEmpty() ? gil : ft) {
        plans.add(
            new Plan(
                unique(labels, "stress-" + i.shortVersion()),
                i,
                false,
                request.stressThreads(),
                request.iterations()));
      }
    }
    return plans;
  }

  private static String unique(Set<String> labels, String label) {
    String candidate = label;
    for (int n = 2; !labels.add(candidate); n++) {
      candidate = label + "-" + n;
    }
    return candidate;
  }

  /** One complete run of the suite, restarted without each test that crashed or hung. */
  private SuiteRun suite(
      Plan plan, Invocation invocation, Path kit, Path dir, TestRequest request) {
    Map<String, Outcome> outcomes = new LinkedHashMap<>();
    Map<String, Detail> details = new HashMap<>();
    Map<String, SuiteRun.Location> locations = new HashMap<>();
    Map<String, String> single = new LinkedHashMap<>();
    Map<String, String> gil = new LinkedHashMap<>();
    List<Integer> exits = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      Path deselect = dir.resolve("deselect.txt");
      Files.writeString(deselect, "");
      for (int attempt = 0; attempt <= MAX_RESTARTS; attempt++) {
        Path events = dir.resolve("events-" + attempt + ".jsonl");
        Path junit = dir.resolve("junit-" + attempt + ".xml");
        Path dump = dir.resolve("dump-" + attempt + ".txt");
        Map<String, String> env = environment(plan, kit, dir, events, dump, deselect, request);
        if (invocation.runner() == Invocation.Runner.UNITTEST) {
          env.put("FTSCOUT_JUNIT", junit.toString());
        }
        ProcessResult result =
            runner.run(
                ProcessSpec.of(
                        invocation.argv(plan.interpreter().path(), kit, junit),
                        env,
                        request.project())
                    .withTimeout(request.runTimeout())
                    .withLimits(256 * 1024, 256 * 1024));
        exits.add(result.exitCode());
        Events ev = Events.read(events, json);
        Map<String, Outcome> fromJunit = JUnitXml.read(junit);
        for (String id : ev.ended) {
          Outcome o =
              Optional.ofNullable(ev.junitKeys.get(id))
                  .map(fromJunit::get)
                  .orElseGet(() -> ev.outcome(id));
          outcomes.put(id, o);
          if (o.bad()) {
            Detail d = ev.details.get(id);
            if (d != null) {
              details.put(id, withGil(d, Optional.ofNullable(ev.gil.get(id))));
            }
          }
        }
        locations.putAll(ev.locations);
        ev.single.forEach(single::putIfAbsent);
        ev.gil.forEach(gil::putIfAbsent);
        Optional<String> broken = ev.running();
        if (broken.isEmpty()) {
          if (ev.sessions == 0 && outcomes.isEmpty()) {
            // Not our runner (an arbitrary command that ran no pytest): only the status is known.
            String id = String.join(" ", invocation.command());
            outcomes.put(id, result.succeeded() ? Outcome.PASSED : Outcome.FAILED);
            if (!result.succeeded()) {
              details.put(
                  id,
                  new Detail(
                      result.timedOut() ? Category.TIMEOUT : Category.EXCEPTION,
                      "",
                      "test command " + result.describeEnd() + lastLine(result.stderr()),
                      List.of(),
                      0,
                      ""));
            }
          }
          break;
        }
        String id = broken.get();
        String dumpText = Files.isRegularFile(dump) ? Files.readString(dump) : "";
        String section = dumpSection(dumpText, id);
        boolean hung = result.timedOut() || section.contains("Timeout (");
        outcomes.put(id, hung ? Outcome.HUNG : Outcome.CRASHED);
        String fatal =
            section
                .lines()
                .filter(l -> l.startsWith("Fatal Python error"))
                .findFirst()
                .map(l -> ": " + l.strip())
                .orElse("");
        details.put(
            id,
            new Detail(
                hung ? Category.TIMEOUT : Category.CRASH,
                "",
                hung
                    ? "did not finish within "
                        + request.perTestTimeout().toSeconds()
                        + " s; faulthandler dumped every thread"
                    : "the interpreter died (" + result.describeEnd() + ")" + fatal,
                dumpFiles(ev.locations.get(id), section, request.project()),
                ev.locations.containsKey(id) ? ev.locations.get(id).line() : 0,
                section.strip()));
        // Rerun only what has not run yet.
        Set<String> done = new LinkedHashSet<>(outcomes.keySet());
        Files.writeString(deselect, String.join("\n", done) + "\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new SuiteRun(outcomes, details, locations, single, gil, exits);
  }

  private Map<String, String> environment(
      Plan plan, Path kit, Path dir, Path events, Path dump, Path deselect, TestRequest request) {
    Map<String, String> env = new HashMap<>(environment);
    String userPath = environment.getOrDefault("PYTHONPATH", "");
    env.put("PYTHONPATH", kit + (userPath.isEmpty() ? "" : File.pathSeparator + userPath));
    env.put("FTSCOUT_EVENTS", events.toString());
    env.put("FTSCOUT_DUMP", dump.toString());
    env.put("FTSCOUT_ROOT", request.project().toAbsolutePath().toString());
    env.put("FTSCOUT_STRESS_THREADS", String.valueOf(Math.max(1, plan.threads())));
    env.put("FTSCOUT_STRESS_ITERATIONS", String.valueOf(plan.iterations()));
    env.put("FTSCOUT_TEST_TIMEOUT", String.valueOf(request.perTestTimeout().toSeconds()));
    env.put("FTSCOUT_DESELECT", deselect.toString());
    env.put("FTSCOUT_PER_THREAD_FIXTURES", String.join(",", request.perThreadFixtures()));
    if (plan.gilOff()) {
      env.put("PYTHON_GIL", "0");
    }
    // Any other command finds this interpreter as python/python3, and pytest finds the plugin.
    Path shims = dir.resolve("bin");
    try {
      Files.createDirectories(shims);
      for (String name : List.of("python", "python3")) {
        Path link = shims.resolve(name);
        if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          Files.createSymbolicLink(link, plan.interpreter().path().toAbsolutePath());
        }
      }
      env.put("PATH", shims + File.pathSeparator + environment.getOrDefault("PATH", ""));
    } catch (IOException | UnsupportedOperationException e) {
      // Without symbolic links the command keeps the user's PATH; pytest and unittest are
      // unaffected.
    }
    env.put("PYTEST_PLUGINS", "ftscout_pytest");
    return env;
  }

  private static Detail withGil(Detail d, Optional<String> gilWarning) {
    if (gilWarning.isEmpty() || d.category() == Category.GIL_WARNING) {
      return d;
    }
    return new Detail(
        Category.GIL_WARNING,
        d.exceptionType(),
        d.message() + " (the GIL was re-enabled during this test: " + gilWarning.get() + ")",
        d.files(),
        d.line(),
        d.threadDump());
  }

  /** The test's file, then the project files faulthandler's dump shows frames in. */
  static List<String> dumpFiles(SuiteRun.@Nullable Location test, String dump, Path project) {
    Set<String> files = new LinkedHashSet<>();
    if (test != null && !test.file().isEmpty()) {
      files.add(test.file());
    }
    Path root = project.toAbsolutePath().normalize();
    Matcher m = DUMP_FRAME.matcher(dump);
    while (m.find()) {
      if (m.group(1).startsWith("<")) {
        continue;
      }
      Path file = Path.of(m.group(1)).toAbsolutePath().normalize();
      if (file.startsWith(root)) {
        String relative = root.relativize(file).toString().replace('\\', '/');
        if (!relative.contains("site-packages") && !relative.startsWith(".")) {
          files.add(relative);
        }
      }
    }
    return List.copyOf(files);
  }

  /** The part of the dump written while {@code id} ran. */
  static String dumpSection(String dump, String id) {
    String marker = "ftscout: running " + id + "\n";
    int at = dump.lastIndexOf(marker);
    if (at < 0) {
      return dump;
    }
    int from = at + marker.length();
    int next = dump.indexOf("ftscout: running ", from);
    return dump.substring(from, next < 0 ? dump.length() : next);
  }

  private static List<String> notes(
      List<ConfigRun> runs, List<Interpreter> interpreters, Invocation invocation, TestRequest r) {
    List<String> notes = new ArrayList<>();
    if (interpreters.stream().noneMatch(Interpreter::freeThreadedBuild)) {
      notes.add(
          "no free-threaded interpreter: ran the GIL build"
              + (r.stressThreads() > 1 ? " and thread stress on it" : "")
              + " (see `ftscout doctor`)");
    }
    if (interpreters.stream().allMatch(Interpreter::freeThreadedBuild)) {
      notes.add("no GIL interpreter given: failures cannot be compared with a GIL baseline");
    }
    if (invocation.runner() == Invocation.Runner.COMMAND) {
      notes.add(
          "the test command is neither pytest nor python -m unittest: per-test outcomes only if it"
              + " runs pytest (the plugin is offered through PYTEST_PLUGINS), else its exit status");
    }
    for (ConfigRun c : runs) {
      Map<String, String> gil = new LinkedHashMap<>();
      c.repeats().forEach(s -> s.gilEvents().forEach(gil::putIfAbsent));
      gil.forEach((id, warning) ->
          notes.add(
              c.label()
                  + ": the GIL was re-enabled "
                  + (id.isEmpty() ? "while collecting tests" : "during " + id)
                  + ": "
                  + warning));
    }
    return notes;
  }

  private static String lastLine(String text) {
    return text.strip().lines().reduce((a, b) -> b).map(l -> ": " + l).orElse("");
  }

  private static void copyKit(Path kit) {
    try {
      Files.createDirectories(kit);
      for (String name : KIT) {
        try (InputStream in = TestRunner.class.getResourceAsStream(name)) {
          if (in == null) {
            throw new IllegalStateException("missing resource " + name);
          }
          Files.write(kit.resolve(name), in.readAllBytes());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // A temp folder left behind is not worth failing the run for.
    }
  }

  /** The plugin's events of one process. */
  static final class Events {
    final List<String> ended = new ArrayList<>();
    final List<String> begun = new ArrayList<>();
    final Map<String, String> junitKeys = new HashMap<>();
    final Map<String, List<String>> results = new HashMap<>();
    final Map<String, Detail> details = new HashMap<>();
    final Map<String, SuiteRun.Location> locations = new HashMap<>();
    final Map<String, String> single = new LinkedHashMap<>();
    final Map<String, String> gil = new LinkedHashMap<>();
    int sessions;

    static Events read(Path file, ObjectMapper json) throws IOException {
      Events ev = new Events();
      if (!Files.isRegularFile(file)) {
        return ev;
      }
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode e;
        try {
          e = json.readTree(line);
        } catch (IOException ex) {
          // A line cut short by a crash.
          continue;
        }
        String id = e.path("id").asText("");
        switch (e.path("e").asText()) {
          case "session" -> ev.sessions++;
          case "collected" -> {
            JsonNode k = e.path("junit");
            if (k.isArray() && k.size() == 2) {
              ev.junitKeys.put(id, JUnitXml.key(k.get(0).asText(), k.get(1).asText()));
            }
          }
          case "begin" -> {
            ev.begun.add(id);
            String testFile = e.path("file").asText("");
            if (!testFile.isEmpty()) {
              ev.locations.put(id, new SuiteRun.Location(testFile, e.path("line").asInt(0)));
            }
          }
          case "end" -> ev.ended.add(id);
          case "single" -> ev.single.put(id, e.path("reason").asText());
          case "gil" -> ev.gil.putIfAbsent(id, e.path("warning").asText());
          case "result" -> ev.result(id, e);
          default -> {}
        }
      }
      return ev;
    }

    private void result(String id, JsonNode e) {
      String outcome = e.path("outcome").asText("passed");
      results.computeIfAbsent(id, k -> new ArrayList<>()).add(outcome);
      List<String> files = new ArrayList<>();
      e.path("files").forEach(f -> files.add(f.asText()));
      int line = e.path("line").asInt(0);
      if (!files.isEmpty()) {
        locations.putIfAbsent(id, new SuiteRun.Location(files.get(0), line));
      }
      if ((outcome.equals("failed") || outcome.equals("error")) && !details.containsKey(id)) {
        Category category =
            switch (e.path("category").asText("exception")) {
              case "assertion" -> Category.ASSERTION;
              case "gil-warning" -> Category.GIL_WARNING;
              default -> Category.EXCEPTION;
            };
        details.put(
            id,
            new Detail(
                category,
                e.path("type").asText(""),
                e.path("message").asText(""),
                files,
                line,
                ""));
      }
    }

    /** The outcome from result events, when no JUnit XML had the test. */
    Outcome outcome(String id) {
      List<String> list = results.getOrDefault(id, List.of());
      if (list.contains("failed")) {
        return Outcome.FAILED;
      }
      if (list.contains("error")) {
        return Outcome.ERROR;
      }
      if (list.contains("skipped")) {
        return Outcome.SKIPPED;
      }
      return Outcome.PASSED;
    }

    /** The test that began and never ended: the process died or was killed in it. */
    Optional<String> running() {
      Set<String> open = new LinkedHashSet<>(begun);
      ended.forEach(open::remove);
      return open.stream().reduce((a, b) -> b);
    }
  }
}
