package dev.ftscout.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.python.scope.SymbolTable;
import dev.ftscout.python.tree.Unparser;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Deeply nested input stays within the JVM's default 1 MB thread stack: what CPython accepts
 * parses, what it rejects is one syntax error, never a {@code StackOverflowError}.
 */
class NestingTest {
  private static final long DEFAULT_STACK = 1024 * 1024;

  private static <T> T onDefaultStack(java.util.function.Supplier<T> work)
      throws InterruptedException {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread t =
        new Thread(
            null,
            () -> {
              try {
                result.set(work.get());
              } catch (Throwable e) {
                failure.set(e);
              }
            },
            "default-stack",
            DEFAULT_STACK);
    t.start();
    t.join();
    assertThat(failure.get()).isNull();
    return result.get();
  }

  private static List<String> deepButValid() {
    List<String> sources = new ArrayList<>();
    sources.add("x = " + "(".repeat(199) + "1" + ")".repeat(199) + "\n");
    sources.add("x = " + "[".repeat(199) + "]".repeat(199) + "\n");
    sources.add("x = " + "-".repeat(900) + "1\n");
    sources.add("x = " + "not ".repeat(900) + "y\n");
    sources.add("x = " + "a if b else ".repeat(300) + "c\n");
    sources.add("x = " + "lambda: ".repeat(300) + "0\n");
    sources.add("x = 1" + " + 1".repeat(20000) + "\n");
    sources.add("x = a" + ".b".repeat(20000) + "\n");
    sources.add("x = 2" + " ** 2".repeat(800) + "\n");
    StringBuilder blocks = new StringBuilder();
    for (int i = 0; i < 99; i++) {
      blocks.append(" ".repeat(i)).append("if x:\n");
    }
    blocks.append(" ".repeat(99)).append("pass\n");
    sources.add(blocks.toString());
    sources.add("x = f'" + "{f'".repeat(1) + "{y}'}'\n");
    return sources;
  }

  @Test
  void deepButValidCodeParsesOnADefaultStack() throws InterruptedException {
    PythonParser parser = new PythonParser();
    for (String source : deepButValid()) {
      String label = source.substring(0, Math.min(40, source.length()));
      ParseResult r = onDefaultStack(() -> parser.parse("deep.py", source, PythonVersion.PY313));
      assertThat(r.errors()).as(label).isEmpty();
      SymbolTable table = onDefaultStack(() -> SymbolTable.build(r.module()));
      assertThat(table.errors()).as(label).isEmpty();
      String unparsed = onDefaultStack(() -> Unparser.unparse(r.module()));
      assertThat(unparsed).as(label).isNotEmpty();
      Integer nodes =
          onDefaultStack(() -> {
            int[] n = {0};
            TreeWalker.builder()
                .listener(
                    new TreeWalker.Listener() {
                      @Override
                      public void enter(dev.ftscout.python.tree.Node node, TreeWalker.Context c) {
                        n[0]++;
                      }
                    })
                .build()
                .walk(r.module());
            return n[0];
          });
      assertThat(nodes).as(label).isPositive();
    }
  }

  @Test
  void tooDeepCodeIsASyntaxErrorNotACrash() throws InterruptedException {
    PythonParser parser = new PythonParser();
    ParseResult parens =
        onDefaultStack(() ->
            parser.parse("d.py", "x = " + "(".repeat(201) + ")".repeat(201), PythonVersion.PY313));
    assertThat(parens.errors().get(0).message()).isEqualTo("too many nested parentheses");
    ParseResult unary =
        onDefaultStack(
            () -> parser.parse("d.py", "x = " + "-".repeat(50_000) + "1", PythonVersion.PY313));
    assertThat(unary.errors()).isNotEmpty();
    assertThat(unary.errors().get(0).message()).contains("too complex");
    StringBuilder blocks = new StringBuilder();
    for (int i = 0; i < 101; i++) {
      blocks.append(" ".repeat(i)).append("if x:\n");
    }
    blocks.append(" ".repeat(101)).append("pass\n");
    ParseResult indents =
        onDefaultStack(() -> parser.parse("d.py", blocks.toString(), PythonVersion.PY313));
    assertThat(indents.errors().get(0).message()).isEqualTo("too many levels of indentation");
  }
}
