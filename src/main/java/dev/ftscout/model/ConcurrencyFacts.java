package dev.ftscout.model;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How a project does concurrency and what kind of work it does, as seen in its sources and
 * dependencies. Not findings: facts the verdict weighs (asyncio and I/O-bound services gain nothing
 * from free-threading; CPU work on process pools gains the most).
 *
 * @param signals every place a signal was seen
 */
public record ConcurrencyFacts(List<Signal> signals) {
  public ConcurrencyFacts {
    signals = List.copyOf(signals);
  }

  public static ConcurrencyFacts none() {
    return new ConcurrencyFacts(List.of());
  }

  /** What a signal says about the project. */
  public enum Kind {
    /** {@code asyncio} event loop use: {@code asyncio.run}, {@code async def} entry points. */
    ASYNCIO,
    /** An async framework: aiohttp, FastAPI/Starlette, Sanic, Tornado, Trio, AnyIO, ... */
    ASYNC_FRAMEWORK,
    /** A web framework or server: Flask, Django, FastAPI, gunicorn, uvicorn, ... */
    WEB_FRAMEWORK,
    /** A database or cache client: psycopg, SQLAlchemy, redis, pymongo, ... */
    DB_CLIENT,
    /** An HTTP or RPC client: requests, httpx, urllib3, grpc, ... */
    NETWORK_CLIENT,
    /** {@code multiprocessing} processes, pools or queues. */
    MULTIPROCESSING,
    /** {@code concurrent.futures.ProcessPoolExecutor}. */
    PROCESS_POOL,
    /** {@code threading.Thread} and friends. */
    THREADING,
    /** {@code concurrent.futures.ThreadPoolExecutor}, {@code asyncio.to_thread}. */
    THREAD_POOL,
    /** A numeric or scientific library with C extensions: numpy, scipy, pandas, torch, ... */
    CPU_LIBRARY
  }

  /**
   * One place that shows a kind of concurrency or workload.
   *
   * @param kind what it shows
   * @param detail the API or library, e.g. {@code ProcessPoolExecutor} or {@code numpy}
   * @param path where (display path; a dependency file for dependency-derived signals)
   * @param line 1-based line, 0 when not tied to one
   */
  public record Signal(Kind kind, String detail, String path, int line) {}

  /** How many signals of each kind, every kind present (zero included). */
  public Map<Kind, Integer> counts() {
    Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
    for (Kind k : Kind.values()) {
      counts.put(k, 0);
    }
    signals.forEach(s -> counts.merge(s.kind(), 1, Integer::sum));
    return counts;
  }

  public int count(Kind kind) {
    return (int) signals.stream().filter(s -> s.kind() == kind).count();
  }

  /** The signals of the given kinds, in the order seen. */
  public List<Signal> of(Kind... kinds) {
    List<Kind> wanted = List.of(kinds);
    return signals.stream().filter(s -> wanted.contains(s.kind())).toList();
  }

  /** These facts and others together. */
  public ConcurrencyFacts plus(ConcurrencyFacts other) {
    return new ConcurrencyFacts(
        java.util.stream.Stream.concat(signals.stream(), other.signals.stream()).toList());
  }
}
