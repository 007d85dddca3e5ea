package dev.ftscout.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.python.scope.Binding;
import dev.ftscout.python.scope.Definition;
import dev.ftscout.python.scope.ImportBinding;
import dev.ftscout.python.scope.Resolution;
import dev.ftscout.python.scope.Scope;
import dev.ftscout.python.scope.Symbol;
import dev.ftscout.python.scope.SymbolTable;
import dev.ftscout.python.tree.Expression;
import dev.ftscout.python.tree.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The questions free-threading rules ask of the symbol table, on code with the hazards they look
 * for (the table itself is checked against CPython's on the whole corpus elsewhere).
 */
class SymbolTableTest {
  private static final String SOURCE =
      """
      import threading
      import os.path as osp
      from collections import defaultdict as dd, OrderedDict
      from . import sibling

      counter = 0
      cache = {}
      _instance = None

      def bump():
          global counter
          counter += 1

      def get(key):
          if key not in cache:
              cache[key] = compute(key)
          return cache[key]

      def singleton():
          global _instance
          if _instance is None:
              _instance = object()
          return _instance

      def outer():
          total = 0
          def inner(x):
              nonlocal total
              total += x
          return inner

      class Worker:
          count = 0
          def run(self):
              Worker.count += 1
              self.__secret = __private = 1
              return [counter for _ in range(3)]

      def shadow():
          counter = 5
          return counter

      t = threading.Thread(target=bump)
      """;

  private final ParseResult parsed =
      new PythonParser().parse("hazards.py", SOURCE, PythonVersion.PY313);
  private final SymbolTable table = SymbolTable.build(parsed.module());

  private Scope scope(String name) {
    return table.scopes().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void globalsWrittenThroughGlobalDeclarations() {
    Scope bump = scope("bump");
    Symbol counter = bump.symbol("counter").orElseThrow();
    assertThat(counter.isDeclaredGlobal()).isTrue();
    assertThat(counter.isAssigned()).isTrue();
    assertThat(counter.resolution()).isEqualTo(Resolution.GLOBAL_EXPLICIT);
    assertThat(bump.isModuleGlobal("counter")).isTrue();
    assertThat(counter.bindings())
        .extracting(Binding::kind)
        .containsExactly(Binding.Kind.GLOBAL_DECLARATION, Binding.Kind.AUGMENTED_ASSIGNMENT);

    Definition def = bump.moduleDefinition("counter").orElseThrow();
    assertThat(def.isModuleLevel()).isTrue();
    assertThat(def.symbol().bindings())
        .singleElement()
        .satisfies(b -> {
          assertThat(b.kind()).isEqualTo(Binding.Kind.ASSIGNMENT);
          assertThat(b.span().lineno()).isEqualTo(6);
        });
    assertThat(table.globalBindings("counter"))
        .extracting(b -> b.span().lineno())
        .containsExactly(6, 11, 12);
  }

  @Test
  void implicitGlobalsReadAndMutated() {
    Scope get = scope("get");
    assertThat(get.isModuleGlobal("cache")).isTrue();
    assertThat(get.symbol("cache").orElseThrow().resolution())
        .isEqualTo(Resolution.GLOBAL_IMPLICIT);
    assertThat(get.symbol("cache").orElseThrow().references()).hasSize(3);
    assertThat(get.isModuleGlobal("key")).isFalse();
    assertThat(get.symbol("key").orElseThrow().isParameter()).isTrue();
    assertThat(get.isModuleGlobal("compute"))
        .as("bound nowhere: a builtin or a NameError")
        .isFalse();
    assertThat(get.resolve("compute")).isEmpty();
    assertThat(scope("singleton").isModuleGlobal("_instance")).isTrue();
  }

  @Test
  void closuresResolveToTheEnclosingFunction() {
    Scope inner = scope("inner");
    Symbol total = inner.symbol("total").orElseThrow();
    assertThat(total.isNonlocal()).isTrue();
    assertThat(total.isFree()).isTrue();
    Definition def = inner.resolve("total").orElseThrow();
    assertThat(def.scope().name()).isEqualTo("outer");
    assertThat(def.symbol().isCell()).isTrue();
    assertThat(inner.isModuleGlobal("total")).isFalse();
  }

  @Test
  void localsShadowGlobals() {
    Scope shadow = scope("shadow");
    assertThat(shadow.symbol("counter").orElseThrow().isLocal()).isTrue();
    assertThat(shadow.isModuleGlobal("counter")).isFalse();
  }

  @Test
  void classesComprehensionsAndPrivateNames() {
    Scope worker = scope("Worker");
    assertThat(worker.kind()).isEqualTo(Scope.Kind.CLASS);
    assertThat(worker.symbol("count").orElseThrow().isLocal()).isTrue();
    Scope run = scope("run");
    assertThat(run.isModuleGlobal("Worker")).isTrue();
    assertThat(run.symbol("__private").orElseThrow().name()).isEqualTo("_Worker__private");
    Scope comp =
        run.children().stream()
            .filter(s -> s.kind() == Scope.Kind.COMPREHENSION)
            .findFirst()
            .orElseThrow();
    assertThat(comp.isInlined()).as("PEP 709").isTrue();
    assertThat(comp.isModuleGlobal("counter")).isTrue();
    assertThat(comp.symbol("_").orElseThrow().bindings())
        .extracting(Binding::kind)
        .containsExactly(Binding.Kind.COMPREHENSION_TARGET);
  }

  @Test
  void importsRecordWhatTheyBind() {
    assertThat(table.module().imports())
        .extracting(ImportBinding::boundName, ImportBinding::qualifiedName)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("threading", "threading"),
            org.assertj.core.groups.Tuple.tuple("osp", "os.path"),
            org.assertj.core.groups.Tuple.tuple("dd", "collections.defaultdict"),
            org.assertj.core.groups.Tuple.tuple("OrderedDict", "collections.OrderedDict"),
            org.assertj.core.groups.Tuple.tuple("sibling", ".sibling"));
    assertThat(table.module().symbol("osp").orElseThrow().isImported()).isTrue();
    assertThat(table.imports()).hasSize(5);
  }

  @Test
  void nodesKnowTheirScope() {
    List<Statement> body = parsed.module().body();
    Statement bumpDef = body.get(7);
    assertThat(table.scopeOf(bumpDef)).map(Scope::name).contains("bump");
    assertThat(table.scopeAt(bumpDef)).contains(table.module());
    Statement.Assign thread = (Statement.Assign) body.get(body.size() - 1);
    Expression.Call call = (Expression.Call) thread.value();
    Expression target = call.keywords().get(0).value();
    assertThat(table.scopeAt(target)).contains(table.module());
    assertThat(table.module().resolve(((Expression.Name) target).id()))
        .map(d -> d.symbol().bindings().get(0).kind())
        .contains(Binding.Kind.FUNCTION_DEF);
  }

  @Test
  void scopeErrorsAreReported() {
    SymbolTable bad =
        SymbolTable.build(
            new PythonParser().parse("b.py", "nonlocal x\n", PythonVersion.PY313).module());
    assertThat(bad.errors())
        .singleElement()
        .satisfies(e -> {
          assertThat(e.message()).isEqualTo("nonlocal declaration not allowed at module level");
          assertThat(e.span().lineno()).isEqualTo(1);
        });
    assertThat(table.errors()).isEmpty();
    assertThat(Optional.of(table.module().kind())).contains(Scope.Kind.MODULE);
  }
}
