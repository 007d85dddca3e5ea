package dev.ftscout.python;

import dev.ftscout.python.scope.Scope;
import dev.ftscout.python.scope.SymbolTable;
import dev.ftscout.python.tree.Node;
import dev.ftscout.python.tree.Nodes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * One walk over a syntax tree that serves many subscribers: each registers actions for the node
 * kinds it cares about (a concrete record such as {@code Statement.Assign}, or a family such as
 * {@code Statement.FunctionDefinition} or {@code Expression}), and every action sees a {@link
 * Context} with the node's ancestors and, when a symbol table is given, its scope.
 *
 * <p>Nodes are visited depth first in CPython's field order; enter actions run before a node's
 * children, exit actions after, in registration order. A walker is immutable and can be shared
 * between threads; each {@link #walk} call has its own context.
 */
public final class TreeWalker {

  /** What an action knows about the node it is called for. */
  public interface Context {
    /** The node being visited. */
    Node node();

    /** The node's parent; empty for the root. */
    Optional<Node> parent();

    /** The node's ancestors, the root first, the parent last. */
    List<Node> ancestors();

    /** The nearest ancestor of the given kind. */
    <T extends Node> Optional<T> nearest(Class<T> kind);

    /** The scope the node is evaluated in; empty when the walk has no symbol table. */
    Optional<Scope> scope();

    /** The symbol table given to the walk, if any. */
    Optional<SymbolTable> symbols();

    /** From an enter action: do not visit this node's children (exit actions still run). */
    void skipChildren();
  }

  /** A subscriber to every node, for walks that need all of them. */
  public interface Listener {
    /** Called before the node's children are visited. */
    default void enter(Node node, Context context) {}

    /** Called after the node's children are visited. */
    default void exit(Node node, Context context) {}
  }

  private record Action(Class<?> kind, BiConsumer<Node, Context> action) {}

  private final Map<Class<?>, Action[]> enters;
  private final Map<Class<?>, Action[]> exits;

  private TreeWalker(Map<Class<?>, Action[]> enters, Map<Class<?>, Action[]> exits) {
    this.enters = enters;
    this.exits = exits;
  }

  /** Starts a walker with no subscribers. */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects subscriptions; {@link #build()} freezes them into a walker. */
  public static final class Builder {
    private final List<Action> enters = new ArrayList<>();
    private final List<Action> exits = new ArrayList<>();

    private Builder() {}

    /** Runs {@code action} when entering every node of {@code kind} (or a subtype). */
    public <T extends Node> Builder onEnter(Class<T> kind, BiConsumer<? super T, Context> action) {
      enters.add(new Action(kind, (n, c) -> action.accept(kind.cast(n), c)));
      return this;
    }

    /** Runs {@code action} when leaving every node of {@code kind} (or a subtype). */
    public <T extends Node> Builder onExit(Class<T> kind, BiConsumer<? super T, Context> action) {
      exits.add(new Action(kind, (n, c) -> action.accept(kind.cast(n), c)));
      return this;
    }

    /** Subscribes a listener to every node. */
    public Builder listener(Listener listener) {
      enters.add(new Action(Node.class, listener::enter));
      exits.add(new Action(Node.class, listener::exit));
      return this;
    }

    public TreeWalker build() {
      List<Class<?>> concrete = new ArrayList<>();
      concreteNodeClasses(Node.class, concrete);
      return new TreeWalker(dispatch(concrete, enters), dispatch(concrete, exits));
    }

    private static Map<Class<?>, Action[]> dispatch(List<Class<?>> classes, List<Action> actions) {
      Map<Class<?>, Action[]> table = new HashMap<>();
      for (Class<?> c : classes) {
        List<Action> matching = new ArrayList<>();
        for (Action a : actions) {
          if (a.kind().isAssignableFrom(c)) {
            matching.add(a);
          }
        }
        if (!matching.isEmpty()) {
          table.put(c, matching.toArray(new Action[0]));
        }
      }
      return Map.copyOf(table);
    }

    private static void concreteNodeClasses(Class<?> c, List<Class<?>> out) {
      Class<?>[] permitted = c.getPermittedSubclasses();
      if (permitted == null) {
        out.add(c);
        return;
      }
      for (Class<?> p : permitted) {
        if (!out.contains(p)) {
          concreteNodeClasses(p, out);
        }
      }
    }
  }

  /** Walks {@code root} and everything under it. */
  public void walk(Node root) {
    new Walk(null).visit(root);
  }

  /** Walks {@code root} with scopes from {@code symbols} available to the actions. */
  public void walk(Node root, SymbolTable symbols) {
    new Walk(symbols).visit(root);
  }

  /** The state of one walk. */
  private final class Walk implements Context {
    private final @Nullable SymbolTable symbols;
    private final List<Node> stack = new ArrayList<>();
    private boolean skip;

    Walk(@Nullable SymbolTable symbols) {
      this.symbols = symbols;
    }

    void visit(Node node) {
      stack.add(node);
      Action[] in = enters.get(node.getClass());
      skip = false;
      if (in != null) {
        for (Action a : in) {
          a.action().accept(node, this);
        }
      }
      if (!skip) {
        Nodes.forEachChild(node, this::visit);
      }
      skip = false;
      Action[] out = exits.get(node.getClass());
      if (out != null) {
        for (Action a : out) {
          a.action().accept(node, this);
        }
      }
      stack.remove(stack.size() - 1);
    }

    @Override
    public Node node() {
      return stack.get(stack.size() - 1);
    }

    @Override
    public Optional<Node> parent() {
      return stack.size() < 2 ? Optional.empty() : Optional.of(stack.get(stack.size() - 2));
    }

    @Override
    public List<Node> ancestors() {
      return List.copyOf(stack.subList(0, stack.size() - 1));
    }

    @Override
    public <T extends Node> Optional<T> nearest(Class<T> kind) {
      for (int i = stack.size() - 2; i >= 0; i--) {
        Node n = stack.get(i);
        if (kind.isInstance(n)) {
          return Optional.of(kind.cast(n));
        }
      }
      return Optional.empty();
    }

    @Override
    public Optional<Scope> scope() {
      SymbolTable t = symbols;
      if (t == null) {
        return Optional.empty();
      }
      for (int i = stack.size() - 1; i >= 0; i--) {
        Optional<Scope> s = t.scopeAt(stack.get(i));
        if (s.isPresent()) {
          return s;
        }
      }
      return Optional.of(t.module());
    }

    @Override
    public Optional<SymbolTable> symbols() {
      return Optional.ofNullable(symbols);
    }

    @Override
    public void skipChildren() {
      skip = true;
    }
  }
}
