package dev.ftscout.rules.python;

import dev.ftscout.python.tree.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The checks of the enabled Python rules, by node kind: what one walk of a file's tree runs at each
 * node, and what runs once the walk of a file is over.
 */
public final class Checks {
  /** A check on every node of one kind (or a subtype). */
  record Check<T extends Node>(Class<T> kind, BiConsumer<? super T, FileScan> action) {}

  private final List<Check<?>> checks = new ArrayList<>();
  private final List<Consumer<FileScan>> atEnd = new ArrayList<>();

  Checks() {}

  /** Runs {@code check} on entering every node of {@code kind}. */
  <T extends Node> void on(Class<T> kind, BiConsumer<? super T, FileScan> check) {
    checks.add(new Check<>(kind, check));
  }

  /** Runs {@code action} after the walk of each file, for checks that need the whole module. */
  void atEnd(Consumer<FileScan> action) {
    atEnd.add(action);
  }

  List<Check<?>> checks() {
    return checks;
  }

  List<Consumer<FileScan>> endActions() {
    return atEnd;
  }
}
