package dev.ftscout.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.python.scope.Scope;
import dev.ftscout.python.scope.SymbolTable;
import dev.ftscout.python.tree.Expression;
import dev.ftscout.python.tree.Node;
import dev.ftscout.python.tree.Nodes;
import dev.ftscout.python.tree.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Many subscribers, one walk: what the rules see of the tree. */
class TreeWalkerTest {
  private static final String SOURCE =
      """
      import threading
      counter = 0

      def worker():
          global counter
          with lock:
              counter += 1
          counter += 2

      threading.Thread(target=worker).start()
      """;

  private final ParseResult parsed = new PythonParser().parse("w.py", SOURCE, PythonVersion.PY313);

  @Test
  void subscribersSeeTheirKindsWithAncestorsAndScopes() {
    SymbolTable symbols = SymbolTable.build(parsed.module());
    List<String> seen = new ArrayList<>();
    TreeWalker walker =
        TreeWalker.builder()
            .onEnter(
                Statement.AugAssign.class,
                (a, ctx) -> {
                  boolean guarded = ctx.nearest(Statement.With.class).isPresent();
                  String scope = ctx.scope().map(Scope::name).orElse("?");
                  Expression.Name target = (Expression.Name) a.target();
                  boolean global = ctx.scope().orElseThrow().isModuleGlobal(target.id());
                  seen.add(
                      "aug line "
                          + a.lineno()
                          + " guarded="
                          + guarded
                          + " in "
                          + scope
                          + " global="
                          + global);
                })
            .onEnter(
                Expression.Call.class,
                (c, ctx) -> {
                  if (c.func() instanceof Expression.Attribute a && a.attr().equals("Thread")) {
                    seen.add("thread target " + c.keywords().get(0).arg().orElse("?"));
                  }
                })
            .onExit(
                Statement.FunctionDefinition.class,
                (f, ctx) ->
                    seen.add(
                        "leave "
                            + f.name()
                            + " parent "
                            + ctx.parent().map(n -> n.getClass().getSimpleName()).orElse("-")))
            .build();
    walker.walk(parsed.module(), symbols);
    assertThat(seen)
        .containsExactly(
            "aug line 7 guarded=true in worker global=true",
            "aug line 8 guarded=false in worker global=true",
            "leave worker parent Module",
            "thread target target");
  }

  @Test
  void listenersSeeEveryNodeOnceInFieldOrder() {
    List<Node> entered = new ArrayList<>();
    int[] depth = {0};
    int[] maxDepth = {0};
    TreeWalker.builder()
        .listener(
            new TreeWalker.Listener() {
              @Override
              public void enter(Node node, TreeWalker.Context context) {
                entered.add(node);
                assertThat(context.node()).isSameAs(node);
                assertThat(context.ancestors()).hasSize(depth[0]);
                depth[0]++;
                maxDepth[0] = Math.max(maxDepth[0], depth[0]);
              }

              @Override
              public void exit(Node node, TreeWalker.Context context) {
                depth[0]--;
              }
            })
        .build()
        .walk(parsed.module());
    assertThat(depth[0]).isZero();
    assertThat(entered.get(0)).isSameAs(parsed.module());
    assertThat(entered).hasSize(countNodes(parsed.module()));
    assertThat(maxDepth[0]).isGreaterThan(5);
  }

  @Test
  void skippingChildrenStillExits() {
    List<String> events = new ArrayList<>();
    TreeWalker.builder()
        .onEnter(
            Statement.FunctionDef.class,
            (f, ctx) -> {
              events.add("enter " + f.name());
              ctx.skipChildren();
            })
        .onEnter(Statement.AugAssign.class, (a, ctx) -> events.add("aug"))
        .onExit(Statement.FunctionDef.class, (f, ctx) -> events.add("exit " + f.name()))
        .build()
        .walk(parsed.module());
    assertThat(events).containsExactly("enter worker", "exit worker");
  }

  @Test
  void withoutSymbolsThereIsNoScope() {
    List<Boolean> present = new ArrayList<>();
    TreeWalker.builder()
        .onEnter(Statement.Import.class, (i, ctx) -> present.add(ctx.scope().isPresent()))
        .build()
        .walk(parsed.module());
    assertThat(present).containsExactly(false);
  }

  private static int countNodes(Node n) {
    int[] count = {1};
    Nodes.forEachChild(n, c -> count[0] += countNodes(c));
    return count[0];
  }
}
