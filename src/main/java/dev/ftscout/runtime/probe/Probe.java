package dev.ftscout.runtime.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ftscout.runtime.discovery.Doctor;
import dev.ftscout.runtime.discovery.DoctorReport;
import dev.ftscout.runtime.discovery.Interpreter;
import dev.ftscout.runtime.discovery.InterpreterDiscovery;
import dev.ftscout.runtime.discovery.InterpreterException;
import dev.ftscout.runtime.discovery.PythonEnvironment;
import dev.ftscout.runtime.probe.Inventory.Distribution;
import dev.ftscout.runtime.probe.ModuleResult.Kind;
import dev.ftscout.runtime.probe.ProbeException.Reason;
import dev.ftscout.runtime.probe.ProbeResult.Mode;
import dev.ftscout.runtime.process.ProcessResult;
import dev.ftscout.runtime.process.ProcessRunner;
import dev.ftscout.runtime.process.ProcessSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * {@code ftscout probe}: imports an environment's modules in a real interpreter and reports, per
 * module, whether the import worked and whether it turned the GIL back on, naming every culprit.
 *
 * <p>Imports run in worker processes ({@code worker.py}), many modules per worker. On a
 * free-threaded build each worker runs with {@code -v}, so CPython names every GIL-using extension
 * it loads; where no such line appears the workers are replaced after each culprit instead. A crash
 * or a timeout is pinned on the module being imported and a fresh worker takes the rest.
 */
public final class Probe {
  private static final String PREFIX = "@ftscout ";

  private final ProcessRunner runner;
  private final InterpreterDiscovery discovery;
  private final Map<String, String> environment;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param environment the user's environment; cleaned with {@link PythonEnvironment#clean} before
   *     it reaches Python
   */
  public Probe(
      ProcessRunner runner, InterpreterDiscovery discovery, Map<String, String> environment) {
    this.runner = runner;
    this.discovery = discovery;
    this.environment = PythonEnvironment.clean(environment);
  }

  /** Runs the probe. */
  public ProbeResult run(ProbeRequest request) throws ProbeException {
    long started = System.nanoTime();
    Interpreter interpreter = interpreter(request);
    if (!interpreter.supported()) {
      throw new ProbeException(
          Reason.UNUSABLE,
          interpreter.path() + " is Python " + interpreter.version() + "; probe needs CPython 3.9+",
          List.of());
    }
    if (!interpreter.freeThreadedBuild() && !request.allowGilBuild()) {
      throw new ProbeException(
          Reason.GIL_BUILD,
          interpreter.path()
              + " is a GIL build of Python "
              + interpreter.version()
              + " (Py_GIL_DISABLED is not 1), so importing in it cannot show which modules"
              + " re-enable the GIL; use a free-threaded interpreter, or allow the GIL build for a"
              + " dry run that only tests importability",
          Doctor.HOW_TO_GET_FREE_THREADED);
    }
    Mode mode = interpreter.freeThreadedBuild() ? Mode.FREE_THREADED : Mode.GIL_DRY_RUN;
    List<String> sites = sites(request, interpreter);
    Path work;
    try {
      work = Files.createTempDirectory("ftscout-probe");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Path worker = copyResource("worker.py", work);
      Path inventoryScript = copyResource("inventory.py", work);
      Inventory inventory = inventory(interpreter, inventoryScript, sites, work);
      List<Target> targets = targets(request, inventory);
      Session session =
          new Session(interpreter, mode, worker, sites, work, request.importTimeout());
      List<ModuleResult> results = session.run(targets, request.jobs());
      List<String> notes = new ArrayList<>(session.notes());
      return new ProbeResult(
          interpreter,
          mode,
          request.environment().map(Path::toString),
          attribute(results, inventory),
          session.workers.get(),
          Duration.ofNanos(System.nanoTime() - started),
          notes,
          metadataFiles(inventory));
    } finally {
      deleteTree(work);
    }
  }

  private Interpreter interpreter(ProbeRequest request) throws ProbeException {
    Optional<Path> python =
        request.python().or(() -> request.environment().map(Probe::environmentPython));
    try {
      if (python.isPresent()) {
        return discovery.inspect(python.get());
      }
    } catch (InterpreterException e) {
      throw new ProbeException(Reason.UNUSABLE, String.valueOf(e.getMessage()), List.of());
    }
    DoctorReport report = new Doctor(discovery).examine();
    return report
        .recommended()
        .orElseThrow(() ->
            new ProbeException(
                Reason.NO_INTERPRETER,
                "no free-threaded interpreter found (PATH, pyenv, uv, conda, "
                    + "FTSCOUT_FT_PYTHON); name one with --python",
                Doctor.HOW_TO_GET_FREE_THREADED));
  }

  private static Path environmentPython(Path env) {
    Path windows = env.resolve("Scripts").resolve("python.exe");
    return Files.isRegularFile(windows) ? windows : env.resolve("bin").resolve("python");
  }

  /**
   * Site folders to add: none when the interpreter is the environment's own, else the environment's
   * site-packages (the one for the interpreter's version when there are several).
   */
  private static List<String> sites(ProbeRequest request, Interpreter interpreter)
      throws ProbeException {
    if (request.environment().isEmpty()) {
      return List.of();
    }
    Path env = request.environment().get().toAbsolutePath();
    if (request.python().isEmpty()) {
      return List.of();
    }
    List<Path> found = new ArrayList<>();
    Path windows = env.resolve("Lib").resolve("site-packages");
    if (Files.isDirectory(windows)) {
      found.add(windows);
    }
    try (Stream<Path> libs =
        Files.isDirectory(env.resolve("lib")) ? Files.list(env.resolve("lib")) : Stream.empty()) {
      libs.filter(p -> p.getFileName().toString().startsWith("python"))
          .map(p -> p.resolve("site-packages"))
          .filter(Files::isDirectory)
          .sorted()
          .forEach(found::add);
    } catch (IOException e) {
      throw new ProbeException(Reason.UNUSABLE, "cannot read " + env + ": " + e, List.of());
    }
    String mine = "python" + interpreter.major() + "." + interpreter.minor();
    List<Path> matching =
        found.stream().filter(p -> p.toString().contains(java.io.File.separator + mine)).toList();
    List<Path> chosen = matching.isEmpty() ? found : matching;
    if (chosen.isEmpty()) {
      throw new ProbeException(
          Reason.UNUSABLE,
          env + " has no site-packages folder; is it a virtual environment?",
          List.of());
    }
    return chosen.stream().map(Path::toString).toList();
  }

  private Inventory inventory(Interpreter interpreter, Path script, List<String> sites, Path work)
      throws ProbeException {
    List<String> argv = new ArrayList<>(List.of(interpreter.path().toString(), script.toString()));
    argv.addAll(sites);
    ProcessResult r;
    try {
      r =
          runner.run(
              ProcessSpec.of(argv, environment, work)
                  .withTimeout(Duration.ofMinutes(2))
                  .withLimits(64 << 20, 64 * 1024));
    } catch (IOException e) {
      throw new ProbeException(
          Reason.UNUSABLE, "cannot run " + interpreter.path() + ": " + e, List.of());
    }
    if (!r.succeeded()) {
      throw new ProbeException(
          Reason.UNUSABLE,
          "listing the modules of the environment failed ("
              + r.describeEnd()
              + "): "
              + r.stderr().strip().lines().reduce((a, b) -> b).orElse(""),
          List.of());
    }
    try {
      JsonNode doc = json.readTree(r.stdout());
      List<String> roots = new ArrayList<>();
      doc.path("roots").forEach(n -> roots.add(n.asText()));
      Map<String, List<Distribution>> tops = new LinkedHashMap<>();
      for (JsonNode m : doc.path("modules")) {
        List<Distribution> owners = new ArrayList<>();
        m.path("distributions").forEach(d -> owners.add(distribution(d)));
        tops.put(m.path("name").asText(), owners);
      }
      Map<String, Optional<Distribution>> exts = new LinkedHashMap<>();
      for (JsonNode e : doc.path("extensions")) {
        JsonNode d = e.path("distribution");
        exts.put(
            e.path("name").asText(),
            d.isObject() ? Optional.of(distribution(d)) : Optional.empty());
      }
      return new Inventory(roots, tops, exts);
    } catch (IOException e) {
      throw new ProbeException(
          Reason.UNUSABLE,
          "unexpected module list from " + interpreter.path() + ": " + e,
          List.of());
    }
  }

  private static Map<String, Path> metadataFiles(Inventory inventory) {
    Map<String, Path> files = new TreeMap<>();
    Stream.concat(
            inventory.topLevel().values().stream().flatMap(List::stream),
            inventory.extensions().values().stream().flatMap(Optional::stream))
        .filter(d -> !d.metadata().isEmpty())
        .forEach(d -> files.putIfAbsent(d.name(), Path.of(d.metadata())));
    return files;
  }

  private static Distribution distribution(JsonNode d) {
    return new Distribution(
        d.path("name").asText(), d.path("version").asText(), d.path("metadata").asText(""));
  }

  /** What to import, in name order, each once. */
  private static List<Target> targets(ProbeRequest request, Inventory inventory) {
    Map<String, Kind> names = new TreeMap<>();
    if (!request.modules().isEmpty()) {
      request.modules().forEach(m -> names.put(m, Kind.REQUESTED));
    } else {
      inventory.topLevel().keySet().forEach(m -> names.put(m, Kind.TOP_LEVEL));
      if (request.includeExtensionModules()) {
        inventory.extensions().keySet().forEach(m -> names.putIfAbsent(m, Kind.EXTENSION));
      }
    }
    List<Target> targets = new ArrayList<>();
    names.forEach((name, kind) -> targets.add(new Target(name, kind)));
    return targets;
  }

  /** One module to import and why. */
  record Target(String module, Kind kind) {}

  /**
   * A culprit loaded while importing another module (a dependency) also marks the culprit's own
   * top-level module and extension module, which reported "OK" only because they were already
   * loaded by then. Then distributions are filled in.
   */
  private static List<ModuleResult> attribute(List<ModuleResult> results, Inventory inventory) {
    Map<String, GilCulprit> culprits = new LinkedHashMap<>();
    for (ModuleResult r : results) {
      for (GilCulprit c : r.culprits()) {
        culprits.putIfAbsent(c.module(), c);
      }
    }
    List<ModuleResult> out = new ArrayList<>();
    for (ModuleResult r : results) {
      List<GilCulprit> own = new ArrayList<>();
      for (GilCulprit c : culprits.values()) {
        String top =
            c.module().contains(".")
                ? c.module().substring(0, c.module().indexOf('.'))
                : c.module();
        if (c.module().equals(r.module())
            || (r.kind() != Kind.EXTENSION && top.equals(r.module()))) {
          own.add(c);
        }
      }
      List<GilCulprit> all = new ArrayList<>();
      for (GilCulprit c : r.culprits()) {
        all.add(withOwner(c, inventory));
      }
      for (GilCulprit c : own) {
        if (all.stream().noneMatch(a -> a.module().equals(c.module()))) {
          all.add(withOwner(c, inventory));
        }
      }
      ModuleStatus status = r.status();
      String evidence = r.evidence();
      if (status == ModuleStatus.OK && !all.isEmpty()) {
        status = ModuleStatus.REENABLES_GIL;
        evidence = all.get(0).evidence();
      }
      Optional<Distribution> owner = inventory.owner(r.module());
      out.add(
          new ModuleResult(
              r.module(),
              r.kind(),
              status,
              owner.map(Distribution::name),
              owner.map(Distribution::version),
              evidence,
              r.duration(),
              all));
    }
    out.sort(Comparator.comparing(ModuleResult::module));
    return out;
  }

  private static GilCulprit withOwner(GilCulprit c, Inventory inventory) {
    Optional<Distribution> owner = inventory.owner(c.module());
    return new GilCulprit(
        c.module(), owner.map(Distribution::name), owner.map(Distribution::version), c.evidence());
  }

  private static Path copyResource(String name, Path dir) {
    try (InputStream in = Probe.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      Path target = dir.resolve("ftscout_probe_" + name);
      Files.write(target, in.readAllBytes());
      return target;
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
      // A temp folder left behind is not worth failing the probe for.
    }
  }

  /** The worker processes of one probe run. */
  private final class Session {
    private final Interpreter interpreter;
    private final Mode mode;
    private final Path worker;
    private final List<String> sites;
    private final Path work;
    private final Duration importTimeout;
    private final AtomicInteger workers = new AtomicInteger();
    private final AtomicBoolean replaceAfterCulprit = new AtomicBoolean();
    private final AtomicBoolean gilOnAtStart = new AtomicBoolean();

    Session(
        Interpreter interpreter,
        Mode mode,
        Path worker,
        List<String> sites,
        Path work,
        Duration importTimeout) {
      this.interpreter = interpreter;
      this.mode = mode;
      this.worker = worker;
      this.sites = sites;
      this.work = work;
      this.importTimeout = importTimeout;
    }

    List<String> notes() {
      List<String> notes = new ArrayList<>();
      if (mode == Mode.GIL_DRY_RUN) {
        notes.add(
            "dry run on a GIL build: only importability, crashes and timeouts were tested;"
                + " GIL re-enabling needs a free-threaded interpreter");
      } else if (replaceAfterCulprit.get()) {
        notes.add(
            "this interpreter wrote no -v 'requires the GIL' lines; a fresh worker was started"
                + " after each culprit so that every one was named by its own warning");
      } else {
        notes.add("culprits named by CPython's -v 'requires the GIL' lines and the GIL warning");
      }
      if (gilOnAtStart.get()) {
        notes.add(
            "the GIL was already enabled when a worker started (a .pth file or sitecustomize"
                + " loaded a GIL-using module); flips could not be observed");
      }
      return notes;
    }

    List<ModuleResult> run(List<Target> targets, int jobs) throws ProbeException {
      if (targets.isEmpty()) {
        return List.of();
      }
      int n = Math.min(jobs, targets.size());
      List<List<Target>> chunks = new ArrayList<>();
      int size = (targets.size() + n - 1) / n;
      for (int i = 0; i < targets.size(); i += size) {
        chunks.add(targets.subList(i, Math.min(targets.size(), i + size)));
      }
      if (chunks.size() == 1) {
        return runChunk(chunks.get(0));
      }
      ExecutorService pool = Executors.newFixedThreadPool(chunks.size());
      try {
        List<Future<List<ModuleResult>>> futures = new ArrayList<>();
        for (List<Target> chunk : chunks) {
          futures.add(pool.submit(() -> runChunk(chunk)));
        }
        List<ModuleResult> all = new ArrayList<>();
        for (Future<List<ModuleResult>> f : futures) {
          all.addAll(f.get());
        }
        return all;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ProbeException(Reason.UNUSABLE, "probe interrupted", List.of());
      } catch (ExecutionException e) {
        if (e.getCause() instanceof ProbeException pe) {
          throw pe;
        }
        throw new IllegalStateException(e.getCause());
      } finally {
        pool.shutdownNow();
      }
    }

    /** Imports {@code chunk} with as many successive workers as crashes and culprits need. */
    private List<ModuleResult> runChunk(List<Target> chunk) throws ProbeException {
      Map<String, Target> byName = new LinkedHashMap<>();
      chunk.forEach(t -> byName.put(t.module(), t));
      List<Target> remaining = new ArrayList<>(chunk);
      List<ModuleResult> results = new ArrayList<>();
      while (!remaining.isEmpty()) {
        WorkerRun run = startWorker(remaining);
        for (ModuleResult r : run.results) {
          results.add(r);
          remaining.removeIf(t -> t.module().equals(r.module()));
        }
        if (!run.ready) {
          throw new ProbeException(
              Reason.UNUSABLE,
              "the probe worker could not start in "
                  + interpreter.path()
                  + " ("
                  + run.process().describeEnd()
                  + "): "
                  + lastLine(run.process().stderr()),
              List.of());
        }
        if (run.begun.isPresent()) {
          Target t =
              byName.getOrDefault(run.begun.get(), new Target(run.begun.get(), Kind.REQUESTED));
          results.add(died(t, run));
          remaining.remove(t);
        }
      }
      if (chunk.size() == 1) {
        return results;
      }
      List<ModuleResult> checked = new ArrayList<>();
      for (ModuleResult r : results) {
        checked.add(
            r.status() == ModuleStatus.IMPORT_FAILED ? alone(byName.get(r.module()), r) : r);
      }
      return checked;
    }

    /**
     * A module that failed to import after others in the same worker, imported again alone: a
     * failure caused only by what an earlier import left behind (e.g. setuptools' distutils check)
     * is not the module's own.
     */
    private ModuleResult alone(@Nullable Target target, ModuleResult failed) throws ProbeException {
      if (target == null) {
        return failed;
      }
      WorkerRun run = startWorker(List.of(target));
      if (run.begun.isPresent()) {
        return died(target, run);
      }
      return run.results.stream()
          .filter(r -> r.module().equals(failed.module()))
          .findFirst()
          .map(r ->
              r.status() == ModuleStatus.IMPORT_FAILED
                  ? r
                  : r.withEvidence(
                      "imported on its own; failed only after other modules were imported ("
                          + failed.evidence()
                          + ")"))
          .orElse(failed);
    }

    private ModuleResult died(Target t, WorkerRun run) {
      ProcessResult p = run.process();
      Duration took = Duration.ofNanos(System.nanoTime() - run.begunAt);
      if (p.timedOut()) {
        return new ModuleResult(
            t.module(),
            t.kind(),
            ModuleStatus.TIMED_OUT,
            Optional.empty(),
            Optional.empty(),
            "import did not finish within " + importTimeout.toSeconds() + " s; worker killed",
            took,
            List.of());
      }
      String fatal =
          p.stderr()
              .lines()
              .filter(l -> l.startsWith("Fatal Python error"))
              .findFirst()
              .map(l -> ": " + l.strip())
              .orElse("");
      return new ModuleResult(
          t.module(),
          t.kind(),
          ModuleStatus.CRASHED,
          Optional.empty(),
          Optional.empty(),
          "worker " + p.describeEnd() + " while importing " + t.module() + fatal,
          took,
          List.of());
    }

    private WorkerRun startWorker(List<Target> targets) throws ProbeException {
      ObjectNode config = json.createObjectNode();
      config.put("mode", mode == Mode.FREE_THREADED ? "ft" : "gil");
      config.put("exit_after_culprit", replaceAfterCulprit.get());
      ArrayNode siteArray = config.putArray("sites");
      sites.forEach(siteArray::add);
      List<String> argv = new ArrayList<>();
      argv.add(interpreter.path().toString());
      if (mode == Mode.FREE_THREADED) {
        argv.add("-v");
      }
      argv.add(worker.toString());
      argv.add(config.toString());
      targets.forEach(t -> argv.add(t.module()));
      Map<String, Target> byName = new LinkedHashMap<>();
      targets.forEach(t -> byName.put(t.module(), t));
      WorkerRun run = new WorkerRun(byName);
      ProcessSpec spec =
          ProcessSpec.of(argv, environment, work)
              .withTimeout(importTimeout.multipliedBy(targets.size() + 2L).plusMinutes(1))
              .withIdleTimeout(importTimeout)
              .withLimits(1 << 20, 256 * 1024);
      workers.incrementAndGet();
      try {
        run.process = Optional.of(runner.run(spec, run::accept));
      } catch (IOException e) {
        throw new ProbeException(
            Reason.UNUSABLE,
            "cannot start " + interpreter.path() + ": " + e.getMessage(),
            List.of());
      }
      return run;
    }

    /** The events of one worker process, as they arrive. */
    private final class WorkerRun {
      private final Map<String, Target> byName;
      Optional<ProcessResult> process = Optional.empty();
      boolean ready;
      Optional<String> begun = Optional.empty();
      long begunAt = System.nanoTime();
      final List<ModuleResult> results = new ArrayList<>();

      WorkerRun(Map<String, Target> byName) {
        this.byName = byName;
      }

      ProcessResult process() {
        return process.orElseThrow();
      }

      void accept(String line) {
        if (!line.startsWith(PREFIX)) {
          return;
        }
        JsonNode e;
        try {
          e = json.readTree(line.substring(PREFIX.length()));
        } catch (IOException ex) {
          throw new IllegalStateException("unreadable probe worker event: " + line, ex);
        }
        switch (e.path("event").asText()) {
          case "ready" -> {
            ready = true;
            if (e.path("gil").asBoolean(false) && mode == Mode.FREE_THREADED) {
              gilOnAtStart.set(true);
            }
          }
          case "begin" -> {
            begun = Optional.of(e.path("module").asText());
            begunAt = System.nanoTime();
          }
          case "end" -> {
            String module = e.path("module").asText();
            begun = Optional.empty();
            results.add(ended(byName.getOrDefault(module, new Target(module, Kind.REQUESTED)), e));
          }
          case "exit" -> {
            if ("no-verbose-lines".equals(e.path("reason").asText())) {
              replaceAfterCulprit.set(true);
            }
          }
          default -> {}
        }
      }
    }

    private ModuleResult ended(Target t, JsonNode e) {
      Duration took = Duration.ofNanos((long) (e.path("seconds").asDouble() * 1e9));
      List<GilCulprit> culprits = new ArrayList<>();
      List<String> warningLines = new ArrayList<>();
      e.path("warnings").forEach(w -> warningLines.add(w.asText()));
      for (JsonNode v : e.path("verbose_lines")) {
        String line = v.asText();
        GilEvidence.moduleFromVerboseLine(line)
            .ifPresent(name -> {
              String evidence =
                  warningLines.stream()
                      .filter(
                          w -> GilEvidence.moduleFromWarning(w).filter(name::equals).isPresent())
                      .findFirst()
                      .orElse(line);
              culprits.add(new GilCulprit(name, Optional.empty(), Optional.empty(), evidence));
            });
      }
      for (String w : warningLines) {
        GilEvidence.moduleFromWarning(w)
            .filter(name -> culprits.stream().noneMatch(c -> c.module().equals(name)))
            .ifPresent(
                name -> culprits.add(new GilCulprit(name, Optional.empty(), Optional.empty(), w)));
      }
      boolean flipped =
          mode == Mode.FREE_THREADED
              && e.path("gil_before").isBoolean()
              && !e.path("gil_before").asBoolean()
              && e.path("gil_after").asBoolean(false);
      if (flipped && culprits.isEmpty()) {
        culprits.add(
            new GilCulprit(
                t.module(),
                Optional.empty(),
                Optional.empty(),
                "sys._is_gil_enabled() turned True while importing "
                    + t.module()
                    + " (no warning or -v line named the module)"));
      }
      ModuleStatus status;
      String evidence;
      if (!e.path("ok").asBoolean()) {
        status = ModuleStatus.IMPORT_FAILED;
        evidence = e.path("error").asText();
      } else if (!culprits.isEmpty()) {
        status = ModuleStatus.REENABLES_GIL;
        evidence = culprits.get(0).evidence();
      } else {
        status = ModuleStatus.OK;
        evidence =
            e.path("already_loaded").asBoolean()
                ? "already loaded by an earlier import"
                : mode == Mode.FREE_THREADED ? "imported; the GIL stayed disabled" : "imported";
      }
      return new ModuleResult(
          t.module(),
          t.kind(),
          status,
          Optional.empty(),
          Optional.empty(),
          evidence,
          took,
          culprits);
    }
  }

  private static String lastLine(String text) {
    return text.strip().lines().reduce((a, b) -> b).orElse("");
  }
}
