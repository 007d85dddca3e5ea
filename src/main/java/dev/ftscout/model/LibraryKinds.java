package dev.ftscout.model;

import dev.ftscout.model.ConcurrencyFacts.Kind;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What well-known libraries say about a workload, keyed by top-level import name and by
 * distribution name (normalised: lower case, {@code -}/{@code _}/{@code .} as {@code -}). Used for
 * imports seen in sources and for dependencies alike.
 */
public final class LibraryKinds {
  private LibraryKinds() {}

  private static final Map<String, Kind> KINDS =
      Map.ofEntries(
          // Async frameworks and event loops.
          Map.entry("aiohttp", Kind.ASYNC_FRAMEWORK),
          Map.entry("fastapi", Kind.ASYNC_FRAMEWORK),
          Map.entry("starlette", Kind.ASYNC_FRAMEWORK),
          Map.entry("sanic", Kind.ASYNC_FRAMEWORK),
          Map.entry("quart", Kind.ASYNC_FRAMEWORK),
          Map.entry("tornado", Kind.ASYNC_FRAMEWORK),
          Map.entry("trio", Kind.ASYNC_FRAMEWORK),
          Map.entry("anyio", Kind.ASYNC_FRAMEWORK),
          Map.entry("uvloop", Kind.ASYNC_FRAMEWORK),
          Map.entry("twisted", Kind.ASYNC_FRAMEWORK),
          Map.entry("litestar", Kind.ASYNC_FRAMEWORK),
          // Web frameworks and servers.
          Map.entry("flask", Kind.WEB_FRAMEWORK),
          Map.entry("django", Kind.WEB_FRAMEWORK),
          Map.entry("pyramid", Kind.WEB_FRAMEWORK),
          Map.entry("bottle", Kind.WEB_FRAMEWORK),
          Map.entry("falcon", Kind.WEB_FRAMEWORK),
          Map.entry("gunicorn", Kind.WEB_FRAMEWORK),
          Map.entry("uvicorn", Kind.WEB_FRAMEWORK),
          Map.entry("hypercorn", Kind.WEB_FRAMEWORK),
          Map.entry("waitress", Kind.WEB_FRAMEWORK),
          Map.entry("werkzeug", Kind.WEB_FRAMEWORK),
          Map.entry("djangorestframework", Kind.WEB_FRAMEWORK),
          // Databases and caches.
          Map.entry("psycopg", Kind.DB_CLIENT),
          Map.entry("psycopg2", Kind.DB_CLIENT),
          Map.entry("psycopg2-binary", Kind.DB_CLIENT),
          Map.entry("asyncpg", Kind.DB_CLIENT),
          Map.entry("sqlalchemy", Kind.DB_CLIENT),
          Map.entry("pymysql", Kind.DB_CLIENT),
          Map.entry("mysqlclient", Kind.DB_CLIENT),
          Map.entry("mysqldb", Kind.DB_CLIENT),
          Map.entry("pymongo", Kind.DB_CLIENT),
          Map.entry("motor", Kind.DB_CLIENT),
          Map.entry("redis", Kind.DB_CLIENT),
          Map.entry("aioredis", Kind.DB_CLIENT),
          Map.entry("elasticsearch", Kind.DB_CLIENT),
          Map.entry("cassandra-driver", Kind.DB_CLIENT),
          Map.entry("peewee", Kind.DB_CLIENT),
          Map.entry("tortoise-orm", Kind.DB_CLIENT),
          Map.entry("celery", Kind.DB_CLIENT),
          // Network clients.
          Map.entry("requests", Kind.NETWORK_CLIENT),
          Map.entry("httpx", Kind.NETWORK_CLIENT),
          Map.entry("urllib3", Kind.NETWORK_CLIENT),
          Map.entry("boto3", Kind.NETWORK_CLIENT),
          Map.entry("botocore", Kind.NETWORK_CLIENT),
          Map.entry("grpcio", Kind.NETWORK_CLIENT),
          Map.entry("grpc", Kind.NETWORK_CLIENT),
          Map.entry("websockets", Kind.NETWORK_CLIENT),
          Map.entry("paramiko", Kind.NETWORK_CLIENT),
          Map.entry("kafka-python", Kind.NETWORK_CLIENT),
          Map.entry("confluent-kafka", Kind.NETWORK_CLIENT),
          Map.entry("pika", Kind.NETWORK_CLIENT),
          // Numeric and scientific C-extension stacks.
          Map.entry("numpy", Kind.CPU_LIBRARY),
          Map.entry("scipy", Kind.CPU_LIBRARY),
          Map.entry("pandas", Kind.CPU_LIBRARY),
          Map.entry("polars", Kind.CPU_LIBRARY),
          Map.entry("scikit-learn", Kind.CPU_LIBRARY),
          Map.entry("sklearn", Kind.CPU_LIBRARY),
          Map.entry("torch", Kind.CPU_LIBRARY),
          Map.entry("tensorflow", Kind.CPU_LIBRARY),
          Map.entry("jax", Kind.CPU_LIBRARY),
          Map.entry("numba", Kind.CPU_LIBRARY),
          Map.entry("numexpr", Kind.CPU_LIBRARY),
          Map.entry("pyarrow", Kind.CPU_LIBRARY),
          Map.entry("scikit-image", Kind.CPU_LIBRARY),
          Map.entry("skimage", Kind.CPU_LIBRARY),
          Map.entry("opencv-python", Kind.CPU_LIBRARY),
          Map.entry("cv2", Kind.CPU_LIBRARY),
          Map.entry("pillow", Kind.CPU_LIBRARY),
          Map.entry("pil", Kind.CPU_LIBRARY),
          Map.entry("networkx", Kind.CPU_LIBRARY),
          Map.entry("statsmodels", Kind.CPU_LIBRARY),
          Map.entry("xgboost", Kind.CPU_LIBRARY),
          Map.entry("lightgbm", Kind.CPU_LIBRARY),
          Map.entry("h5py", Kind.CPU_LIBRARY),
          Map.entry("astropy", Kind.CPU_LIBRARY),
          Map.entry("sympy", Kind.CPU_LIBRARY));

  /** The kind a library signals, by import name or distribution name. */
  public static Optional<Kind> of(String name) {
    return Optional.ofNullable(KINDS.get(normalise(name)));
  }

  /** PEP 503 normalisation, which also maps import names like {@code PIL} to {@code pil}. */
  public static String normalise(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
  }
}
