package dev.ftscout.python.tree;

import java.util.List;
import java.util.Optional;

/**
 * The parameters of a {@code def} or {@code lambda}: {@code ast.arguments}. {@code defaults} align
 * with the last positional parameters; {@code kwDefaults} has one entry per keyword-only parameter,
 * empty where it has no default.
 */
public record Arguments(
    List<Arg> posonlyargs,
    List<Arg> args,
    Optional<Arg> vararg,
    List<Arg> kwonlyargs,
    List<Optional<Expression>> kwDefaults,
    Optional<Arg> kwarg,
    List<Expression> defaults)
    implements Node {
  public Arguments {
    posonlyargs = List.copyOf(posonlyargs);
    args = List.copyOf(args);
    kwonlyargs = List.copyOf(kwonlyargs);
    kwDefaults = List.copyOf(kwDefaults);
    defaults = List.copyOf(defaults);
  }

  /** No parameters at all. */
  public static Arguments empty() {
    return new Arguments(
        List.of(), List.of(), Optional.empty(), List.of(), List.of(), Optional.empty(), List.of());
  }

  /** Every parameter in declaration order: positional-only, positional, *args, keyword, **kw. */
  public List<Arg> all() {
    java.util.ArrayList<Arg> all = new java.util.ArrayList<>(posonlyargs);
    all.addAll(args);
    vararg.ifPresent(all::add);
    all.addAll(kwonlyargs);
    kwarg.ifPresent(all::add);
    return List.copyOf(all);
  }
}
