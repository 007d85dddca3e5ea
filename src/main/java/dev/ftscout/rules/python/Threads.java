package dev.ftscout.rules.python;

import dev.ftscout.model.ConcurrencyFacts.Kind;
import dev.ftscout.model.LibraryKinds;
import dev.ftscout.python.scope.Definition;
import dev.ftscout.python.scope.Scope;
import dev.ftscout.python.tree.Expression;
import dev.ftscout.python.tree.Keyword;
import dev.ftscout.python.tree.Node;
import dev.ftscout.python.tree.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Gathers, during the shared walk, what decides severities and the verdict: which functions each
 * function calls, which functions threads start in ({@code threading.Thread(target=...)}, executor
 * {@code submit}/{@code map}, {@code asyncio.to_thread}, {@code run_in_executor}, {@code Thread}
 * subclasses, threading servers' handlers), and the concurrency signals of the project (threads,
 * thread and process pools, multiprocessing, asyncio, well-known libraries).
 */
final class Threads {
  /** A call that runs a callable on another thread, and where the callable is. */
  record Start(Expression target, Kind kind, String api) {}

  private static final Set<String> THREADING_SERVERS =
      Set.of(
          "http.server.ThreadingHTTPServer",
          "socketserver.ThreadingTCPServer",
          "socketserver.ThreadingUDPServer",
          "socketserver.ThreadingUnixStreamServer",
          "socketserver.ThreadingUnixDatagramServer",
          "xmlrpc.server.SimpleXMLRPCServer");
  private static final Set<String> POOL_METHODS =
      Set.of("submit", "map", "imap", "imap_unordered", "apply_async", "apply", "starmap");

  void register(Checks checks) {
    checks.on(Expression.Call.class, this::call);
    checks.on(Statement.ClassDef.class, this::classDef);
    checks.on(Statement.Import.class, (s, fs) -> s.names().forEach(a -> library(a.name(), s, fs)));
    checks.on(
        Statement.ImportFrom.class,
        (s, fs) -> {
          if (s.level() == 0) {
            s.module().ifPresent(m -> library(m, s, fs));
          }
        });
    checks.on(
        Expression.Attribute.class,
        (a, fs) -> {
          if (a.attr().equals("parallel_threads")) {
            fs.parallelTests();
          }
        });
  }

  private static void library(String module, Statement s, FileScan fs) {
    String top = module.split("\\.")[0];
    if (top.equals("pytest_run_parallel")) {
      fs.parallelTests();
    }
    LibraryKinds.of(top).ifPresent(k -> fs.signal(k, top, s.lineno()));
  }

  private void classDef(Statement.ClassDef c, FileScan fs) {
    for (Expression base : c.bases()) {
      Optional<String> q = fs.qualified(base);
      if (q.isPresent() && q.get().equals("threading.Thread")) {
        fs.signal(Kind.THREADING, "threading.Thread subclass " + c.name(), c.lineno());
        fs.entry(fs.pathKey("run"));
      }
    }
  }

  private void call(Expression.Call c, FileScan fs) {
    for (String ref : refs(c.func(), fs)) {
      fs.call(ref);
    }
    Optional<String> q = fs.qualified(c.func());
    String name = q.orElse("");
    switch (name) {
      case "concurrent.futures.ThreadPoolExecutor",
          "concurrent.futures.thread.ThreadPoolExecutor",
          "multiprocessing.pool.ThreadPool",
          "multiprocessing.dummy.Pool" -> {
        fs.signal(Kind.THREAD_POOL, simple(name), c.lineno());
        keyword(c, "initializer").ifPresent(t -> entries(t, fs));
      }
      case "concurrent.futures.ProcessPoolExecutor",
          "concurrent.futures.process.ProcessPoolExecutor" ->
          fs.signal(Kind.PROCESS_POOL, "ProcessPoolExecutor", c.lineno());
      case "multiprocessing.Process",
          "multiprocessing.Pool",
          "multiprocessing.pool.Pool",
          "multiprocessing.Manager",
          "multiprocessing.get_context" ->
          fs.signal(Kind.MULTIPROCESSING, name, c.lineno());
      case "asyncio.run", "asyncio.Runner" -> fs.signal(Kind.ASYNCIO, name, c.lineno());
      default -> {}
    }
    if (THREADING_SERVERS.contains(name)) {
      fs.signal(Kind.THREADING, simple(name), c.lineno());
      Optional<Expression> handler = keyword(c, "RequestHandlerClass").or(() -> positional(c, 1));
      handler.ifPresent(h -> handlerMethods(h, fs));
    }
    start(c, fs)
        .ifPresent(s -> {
          fs.signal(s.kind(), s.api(), c.lineno());
          entries(s.target(), fs);
        });
    if (c.func() instanceof Expression.Attribute a
        && (a.attr().equals("run_until_complete") || a.attr().equals("run_forever"))
        && q.isEmpty()) {
      fs.signal(Kind.ASYNCIO, "event loop " + a.attr(), c.lineno());
    }
  }

  /** Whether {@code c} runs a callable on another thread, and which. */
  static Optional<Start> start(Expression.Call c, FileScan fs) {
    String name = fs.qualified(c.func()).orElse("");
    switch (name) {
      case "threading.Thread" -> {
        return keyword(c, "target")
            .or(() -> positional(c, 1))
            .map(t -> new Start(t, Kind.THREADING, "threading.Thread"));
      }
      case "threading.Timer" -> {
        return keyword(c, "function")
            .or(() -> positional(c, 1))
            .map(t -> new Start(t, Kind.THREADING, "threading.Timer"));
      }
      case "_thread.start_new_thread", "_thread.start_new" -> {
        return positional(c, 0).map(t -> new Start(t, Kind.THREADING, name));
      }
      case "asyncio.to_thread" -> {
        return positional(c, 0).map(t -> new Start(t, Kind.THREAD_POOL, name));
      }
      default -> {}
    }
    if (c.func() instanceof Expression.Attribute a && name.isEmpty()) {
      if (a.attr().equals("run_in_executor")) {
        return positional(c, 1).map(t -> new Start(t, Kind.THREAD_POOL, "run_in_executor"));
      }
      if (POOL_METHODS.contains(a.attr()) && threadPool(a.value(), fs)) {
        return positional(c, 0)
            .or(() -> keyword(c, "fn"))
            .or(() -> keyword(c, "func"))
            .map(t -> new Start(t, Kind.THREAD_POOL, "executor." + a.attr()));
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a receiver of {@code submit}/{@code map} is a thread pool: bound in the same function
   * (or module) to a {@code ThreadPoolExecutor} or {@code ThreadPool}, or, when its origin is not
   * visible, named like an executor or pool that is not a process pool.
   */
  static boolean threadPool(Expression receiver, FileScan fs) {
    String id = FileScan.lastName(receiver);
    if (id.isEmpty()) {
      return false;
    }
    List<Expression> values = new ArrayList<>();
    if (receiver instanceof Expression.Name n) {
      List<Statement> body =
          fs.function().map(Statement.FunctionDefinition::body).orElse(List.of());
      values.addAll(fs.bindings(n.id(), body));
      if (values.isEmpty()) {
        values.addAll(fs.bindings(n.id(), fs.model().moduleBody()));
      }
    }
    for (Expression v : values) {
      if (v instanceof Expression.Call vc) {
        String q = fs.qualified(vc.func()).orElse(FileScan.lastName(vc.func()));
        if (q.endsWith("ThreadPoolExecutor")
            || q.endsWith("ThreadPool")
            || q.startsWith("multiprocessing.dummy")) {
          return true;
        }
        if (q.contains("Process") || q.contains("Interpreter") || q.endsWith("Pool")) {
          return false;
        }
      }
    }
    String lower = id.toLowerCase(Locale.ROOT);
    return (lower.contains("executor") || lower.contains("pool"))
        && !lower.contains("process")
        && !lower.contains("proc");
  }

  private void handlerMethods(Expression handler, FileScan fs) {
    if (handler instanceof Expression.Name n) {
      fs.model()
          .classNamed(n.id())
          .ifPresent(cls -> cls.methods().forEach(m -> fs.entry(fs.keyFor(n.id(), m))));
    }
  }

  /** Marks what a thread-start target refers to as entry points. */
  static void entries(Expression target, FileScan fs) {
    switch (target) {
      case Expression.Lambda l ->
          Walk.sameFrame(
              l.body(),
              n -> {
                if (n instanceof Expression.Call inner) {
                  refs(inner.func(), fs).forEach(fs::entry);
                }
              });
      case Expression.Call p
          when fs.qualified(p.func()).orElse("").equals("functools.partial")
              && !p.args().isEmpty() ->
          entries(p.args().get(0), fs);
      default -> refs(target, fs).forEach(fs::entry);
    }
  }

  /**
   * What a callee expression refers to: the keys of functions in this module (nested, module-level,
   * methods of the enclosing class or of a module-level class), or {@code import:<dotted>} for
   * functions imported from other modules, resolved once every file has been read.
   */
  static List<String> refs(Expression callee, FileScan fs) {
    List<String> out = new ArrayList<>();
    ModuleModel model = fs.model();
    switch (callee) {
      case Expression.Name n -> {
        Scope scope = fs.scope();
        Optional<Definition> def = scope.resolve(n.id());
        if (def.isEmpty()) {
          break;
        }
        Definition d = def.get();
        if (d.isModuleLevel()) {
          if (d.symbol().isImported()) {
            fs.qualified(n).ifPresent(q -> out.add("import:" + q));
          } else if (model.definesFunction(n.id())) {
            out.add(fs.keyFor(n.id()));
          } else if (model.classNamed(n.id()).isPresent()) {
            out.add(fs.keyFor(n.id(), "__init__"));
          }
        } else if (d.scope().kind() == Scope.Kind.FUNCTION) {
          String outer = keyOfScope(d.scope(), fs);
          if (!outer.isEmpty()) {
            out.add(outer + "." + n.id());
          }
        }
      }
      case Expression.Attribute a when a.value() instanceof Expression.Name owner -> {
        Optional<Statement.ClassDef> cls = fs.methodClass();
        if (cls.isPresent() && fs.isFirstParameter(owner.id())) {
          out.add(fs.keyFor(cls.get().name(), a.attr()));
          model
              .classNamed(cls.get().name())
              .ifPresent(m ->
                  m.bases()
                      .forEach(b -> {
                        if (model.classNamed(b).isPresent()) {
                          out.add(fs.keyFor(b, a.attr()));
                        } else if (b.contains(".")) {
                          out.add("import:" + b + "." + a.attr());
                        }
                      }));
        } else if (fs.scope().isModuleGlobal(owner.id())
            && model.classNamed(owner.id()).isPresent()) {
          out.add(fs.keyFor(owner.id(), a.attr()));
        } else {
          fs.qualified(a).ifPresent(q -> out.add("import:" + q));
        }
      }
      default -> {}
    }
    return out;
  }

  /** The key of a function scope, from the definitions enclosing the walk's position. */
  private static String keyOfScope(Scope scope, FileScan fs) {
    Node node = scope.node();
    List<String> names = new ArrayList<>();
    for (Scope s = scope; s.parent().isPresent(); s = s.parent().get()) {
      names.add(0, s.name());
    }
    return node instanceof Statement.FunctionDefinition
        ? fs.keyFor(names.toArray(new String[0]))
        : "";
  }

  static Optional<Expression> keyword(Expression.Call c, String name) {
    for (Keyword k : c.keywords()) {
      if (k.arg().isPresent() && k.arg().get().equals(name)) {
        return Optional.of(k.value());
      }
    }
    return Optional.empty();
  }

  static Optional<Expression> positional(Expression.Call c, int index) {
    if (index < c.args().size() && !(c.args().get(index) instanceof Expression.Starred)) {
      return Optional.of(c.args().get(index));
    }
    return Optional.empty();
  }

  private static String simple(String dotted) {
    return dotted.substring(dotted.lastIndexOf('.') + 1);
  }
}
