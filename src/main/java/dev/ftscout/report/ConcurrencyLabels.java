package dev.ftscout.report;

import dev.ftscout.model.ConcurrencyFacts;
import dev.ftscout.model.ConcurrencyFacts.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How the writers name concurrency kinds: camelCase keys in JSON, words for people. */
public final class ConcurrencyLabels {
  private ConcurrencyLabels() {}

  /** The JSON key of a kind, e.g. {@code threadPool}. */
  public static String key(Kind kind) {
    String[] parts = kind.name().toLowerCase(Locale.ROOT).split("_");
    StringBuilder s = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      s.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
    }
    return s.toString();
  }

  /** The words for a kind, e.g. {@code thread pool}. */
  public static String words(Kind kind) {
    return switch (kind) {
      case ASYNCIO -> "asyncio";
      case ASYNC_FRAMEWORK -> "async framework";
      case WEB_FRAMEWORK -> "web framework";
      case DB_CLIENT -> "database client";
      case NETWORK_CLIENT -> "network client";
      case MULTIPROCESSING -> "multiprocessing";
      case PROCESS_POOL -> "process pool";
      case THREADING -> "threading";
      case THREAD_POOL -> "thread pool";
      case CPU_LIBRARY -> "CPU library";
    };
  }

  /** {@code threading 2, thread pool 1}: the kinds seen, with counts, in kind order. */
  public static String summary(ConcurrencyFacts facts) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<Kind, Integer> e : facts.counts().entrySet()) {
      if (e.getValue() > 0) {
        parts.add(words(e.getKey()) + " " + e.getValue());
      }
    }
    return String.join(", ", parts);
  }

  /** Up to {@code max} distinct details of a kind's signals, e.g. {@code ThreadPoolExecutor}. */
  public static String examples(ConcurrencyFacts facts, Kind kind, int max) {
    List<String> seen = new ArrayList<>();
    for (ConcurrencyFacts.Signal s : facts.of(kind)) {
      if (!seen.contains(s.detail())) {
        seen.add(s.detail());
      }
    }
    String shown = String.join(", ", seen.subList(0, Math.min(max, seen.size())));
    return seen.size() > max ? shown + ", ..." : shown;
  }

  /** The kinds seen: words, count and up to {@code examples} places each; kinds in their order. */
  public static List<String[]> rows(ConcurrencyFacts facts, int examples) {
    List<String[]> rows = new ArrayList<>();
    facts
        .counts()
        .forEach((k, n) -> {
          if (n > 0) {
            rows.add(new String[] {words(k), String.valueOf(n), examples(facts, k, examples)});
          }
        });
    return rows;
  }
}
