package dev.ftscout.python.tree;

import java.util.List;
import java.util.Optional;

/** A {@code case} pattern: {@code ast.pattern}, with CPython's class and field names. */
public sealed interface Pattern extends Node, Located {

  /** A value pattern: a literal or a dotted name compared with {@code ==}. */
  record MatchValue(Expression value, Span span) implements Pattern {}

  /** {@code None}, {@code True} or {@code False}, compared with {@code is}. */
  record MatchSingleton(ConstantValue value, Span span) implements Pattern {}

  /** {@code [p1, p2, *rest]}. */
  record MatchSequence(List<Pattern> patterns, Span span) implements Pattern {
    public MatchSequence {
      patterns = List.copyOf(patterns);
    }
  }

  /** {@code {k1: p1, **rest}}. */
  record MatchMapping(
      List<Expression> keys, List<Pattern> patterns, Optional<String> rest, Span span)
      implements Pattern {
    public MatchMapping {
      keys = List.copyOf(keys);
      patterns = List.copyOf(patterns);
    }
  }

  /** {@code Cls(p1, attr=p2)}. */
  record MatchClass(
      Expression cls,
      List<Pattern> patterns,
      List<String> kwdAttrs,
      List<Pattern> kwdPatterns,
      Span span)
      implements Pattern {
    public MatchClass {
      patterns = List.copyOf(patterns);
      kwdAttrs = List.copyOf(kwdAttrs);
      kwdPatterns = List.copyOf(kwdPatterns);
    }
  }

  /** {@code *name} or {@code *_} inside a sequence pattern. */
  record MatchStar(Optional<String> name, Span span) implements Pattern {}

  /** {@code pattern as name}, a capture {@code name}, or the wildcard {@code _}. */
  record MatchAs(Optional<Pattern> pattern, Optional<String> name, Span span) implements Pattern {}

  /** {@code p1 | p2}. */
  record MatchOr(List<Pattern> patterns, Span span) implements Pattern {
    public MatchOr {
      patterns = List.copyOf(patterns);
    }
  }
}
