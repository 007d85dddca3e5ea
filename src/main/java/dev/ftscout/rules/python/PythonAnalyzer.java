package dev.ftscout.rules.python;

import dev.ftscout.model.ConcurrencyFacts;
import dev.ftscout.model.Finding;
import dev.ftscout.model.SkippedFile;
import dev.ftscout.model.SourceComment;
import dev.ftscout.model.SourceFile;
import dev.ftscout.python.Comment;
import dev.ftscout.python.ParseResult;
import dev.ftscout.python.PythonParser;
import dev.ftscout.python.PythonVersion;
import dev.ftscout.python.TreeWalker;
import dev.ftscout.python.scope.SymbolTable;
import dev.ftscout.python.tree.Node;
import dev.ftscout.python.tree.Statement;
import dev.ftscout.rules.AnalysisContext;
import dev.ftscout.rules.AnalysisResult;
import dev.ftscout.rules.Analyzer;
import dev.ftscout.rules.RuleRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * Reads a project's Python files with the Python front end and runs every enabled FT1xx rule over
 * each tree in one walk. Files are parsed and checked in parallel on a bounded pool ({@link
 * AnalysisContext#jobs()}) and merged in path order, so the output does not depend on timing. Once
 * every file is read, the call graph decides severities: a hazard that a visible thread entry point
 * reaches is a warning, one that nothing visibly runs in a thread is info.
 *
 * <p>Besides findings it returns every file's comments (for suppressions), files it could not
 * analyse (syntax errors with CPython's message and position, Python 2 files), and the project's
 * concurrency signals.
 */
public final class PythonAnalyzer implements Analyzer {
  /** Deeply nested expressions recurse deeply; workers get room for them. */
  private static final long WORKER_STACK_BYTES = 64L * 1024 * 1024;

  private final List<PythonRule> rules;
  private final PythonParser parser;

  public PythonAnalyzer(List<PythonRule> rules, PythonParser parser) {
    this.rules = List.copyOf(rules);
    this.parser = parser;
  }

  /** The analyzer over the Python rules of a registry. */
  public static PythonAnalyzer of(RuleRegistry registry) {
    return new PythonAnalyzer(registry.ofType(PythonRule.class), new PythonParser());
  }

  @Override
  public boolean wants(String path) {
    return path.endsWith(".py");
  }

  /** What one file gave. */
  private record FileResult(
      String path,
      List<SourceComment> comments,
      Optional<SkippedFile> skipped,
      List<Candidate> candidates,
      Set<String> defined,
      Map<String, Set<String>> calls,
      Set<String> entries,
      List<ConcurrencyFacts.Signal> signals,
      boolean parallelTests) {

    static FileResult skipped(String path, List<SourceComment> comments, String reason) {
      return new FileResult(
          path,
          comments,
          Optional.of(new SkippedFile(path, reason)),
          List.of(),
          Set.of(),
          Map.of(),
          Set.of(),
          List.of(),
          false);
    }
  }

  @Override
  // The thread-local lives for one analysis only: it tells the shared walker which file the
  // calling worker thread is on, instead of building a walker per file.
  @SuppressWarnings("ThreadLocalUsage")
  public AnalysisResult analyze(List<SourceFile> files, AnalysisContext context) {
    PythonVersion target = target(context.pythonTarget());
    Checks checks = new Checks();
    new Threads().register(checks);
    for (PythonRule rule : rules) {
      if (context.enabled(rule.info().id())) {
        rule.subscribe(checks);
      }
    }
    // One walker serves every file; each worker thread tells it which file it is walking.
    ThreadLocal<FileScan> current = new ThreadLocal<>();
    TreeWalker walker = walker(checks, current);
    List<FileResult> results = run(files, checks, walker, current, target, context.jobs());

    CallGraph graph = new CallGraph();
    boolean parallelTests = false;
    Map<String, List<SourceComment>> comments = new HashMap<>();
    List<SkippedFile> skipped = new ArrayList<>();
    List<ConcurrencyFacts.Signal> signals = new ArrayList<>();
    int analyzed = 0;
    for (FileResult r : results) {
      comments.put(r.path(), r.comments());
      if (r.skipped().isPresent()) {
        skipped.add(r.skipped().get());
        continue;
      }
      analyzed++;
      graph.add(r.defined(), r.calls(), r.entries());
      signals.addAll(r.signals());
      parallelTests |= r.parallelTests();
    }
    Set<String> reachable = graph.reachable();
    List<Finding> findings = new ArrayList<>();
    for (FileResult r : results) {
      for (Candidate c : r.candidates()) {
        findings.add(c.finding(reachable.contains(c.function()), parallelTests));
      }
    }
    return new AnalysisResult(
        findings, comments, List.of(), skipped, analyzed, new ConcurrencyFacts(signals));
  }

  /** The target version: the config's, within the grammar versions the parser knows. */
  static PythonVersion target(String text) {
    PythonVersion v = PythonVersion.parse(text).orElse(PythonVersion.LATEST);
    if (v.compareTo(PythonVersion.OLDEST) < 0) {
      return PythonVersion.OLDEST;
    }
    return v.compareTo(PythonVersion.LATEST) > 0 ? PythonVersion.LATEST : v;
  }

  private List<FileResult> run(
      List<SourceFile> files,
      Checks checks,
      TreeWalker walker,
      ThreadLocal<FileScan> current,
      PythonVersion target,
      int jobs) {
    List<FileResult> out = new ArrayList<>(files.size());
    if (jobs <= 1 || files.size() <= 1) {
      for (SourceFile f : files) {
        out.add(analyzeFile(f, checks, walker, current, target));
      }
      return out;
    }
    ThreadFactory workers =
        r -> {
          Thread t = new Thread(null, r, "ftscout-python", WORKER_STACK_BYTES);
          t.setDaemon(true);
          return t;
        };
    try (ExecutorService pool =
        Executors.newFixedThreadPool(Math.min(jobs, files.size()), workers)) {
      List<Future<FileResult>> futures = new ArrayList<>(files.size());
      for (SourceFile f : files) {
        futures.add(pool.submit(() -> analyzeFile(f, checks, walker, current, target)));
      }
      for (Future<FileResult> future : futures) {
        out.add(future.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while analysing Python files", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
    return out;
  }

  private FileResult analyzeFile(
      SourceFile file,
      Checks checks,
      TreeWalker walker,
      ThreadLocal<FileScan> current,
      PythonVersion target) {
    ParseResult parsed = parser.parse(file.path(), file.bytes(), target);
    List<SourceComment> comments = comments(parsed);
    if (parsed.skipped().isPresent()) {
      return FileResult.skipped(file.path(), comments, parsed.skipped().get());
    }
    if (!parsed.ok()) {
      return FileResult.skipped(file.path(), comments, parsed.errors().get(0).toString());
    }
    try {
      SymbolTable symbols = SymbolTable.build(parsed.module());
      if (!symbols.errors().isEmpty()) {
        var e = symbols.errors().get(0);
        return FileResult.skipped(
            file.path(),
            comments,
            file.path()
                + ":"
                + e.span().lineno()
                + ":"
                + (e.span().colOffset() + 1)
                + ": SyntaxError: "
                + e.message());
      }
      ModuleModel model = new ModuleModel(file.path(), parsed.module(), symbols);
      FileScan scan = new FileScan(parsed, model, target);
      current.set(scan);
      try {
        walker.walk(parsed.module(), symbols);
      } finally {
        current.remove();
      }
      checks.endActions().forEach(a -> a.accept(scan));
      return new FileResult(
          file.path(),
          comments,
          Optional.empty(),
          List.copyOf(scan.candidates()),
          Set.copyOf(scan.defined()),
          Map.copyOf(scan.calls()),
          Set.copyOf(scan.entries()),
          List.copyOf(scan.signals()),
          scan.runsTestsInThreads());
    } catch (StackOverflowError e) {
      return FileResult.skipped(
          file.path(), comments, "too deeply nested to analyse (the walk ran out of stack)");
    }
  }

  /** The one walk: definitions tracked first, then every check, definitions left last. */
  private static TreeWalker walker(Checks checks, ThreadLocal<FileScan> current) {
    TreeWalker.Builder b = TreeWalker.builder();
    b.onEnter(Statement.FunctionDefinition.class, (n, c) -> scan(current).enter(n));
    b.onEnter(Statement.ClassDef.class, (n, c) -> scan(current).enter(n));
    for (Checks.Check<?> check : checks.checks()) {
      subscribe(b, check, current);
    }
    b.onExit(Statement.FunctionDefinition.class, (n, c) -> scan(current).exit(n));
    b.onExit(Statement.ClassDef.class, (n, c) -> scan(current).exit(n));
    return b.build();
  }

  private static FileScan scan(ThreadLocal<FileScan> current) {
    return java.util.Objects.requireNonNull(current.get(), "no file is being walked");
  }

  private static <T extends Node> void subscribe(
      TreeWalker.Builder b, Checks.Check<T> check, ThreadLocal<FileScan> current) {
    b.onEnter(
        check.kind(),
        (n, c) -> {
          FileScan scan = scan(current);
          scan.at(c);
          check.action().accept(n, scan);
        });
  }

  private static List<SourceComment> comments(ParseResult parsed) {
    List<SourceComment> out = new ArrayList<>(parsed.comments().size());
    for (Comment c : parsed.comments()) {
      String before = parsed.lines().text(c.line(), 0, c.line(), c.column());
      String text = c.text().startsWith("#") ? c.text().substring(1) : c.text();
      out.add(new SourceComment(c.line(), text, before.isBlank()));
    }
    return out;
  }
}
