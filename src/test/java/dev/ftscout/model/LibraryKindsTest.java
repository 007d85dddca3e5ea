package dev.ftscout.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.model.ConcurrencyFacts.Kind;
import org.junit.jupiter.api.Test;

class LibraryKindsTest {
  @Test
  void importAndDistributionNamesMapAlike() {
    assertThat(LibraryKinds.of("numpy")).contains(Kind.CPU_LIBRARY);
    assertThat(LibraryKinds.of("scikit_learn")).contains(Kind.CPU_LIBRARY);
    assertThat(LibraryKinds.of("Scikit.Learn")).contains(Kind.CPU_LIBRARY);
    assertThat(LibraryKinds.of("PIL")).contains(Kind.CPU_LIBRARY);
    assertThat(LibraryKinds.of("Django")).contains(Kind.WEB_FRAMEWORK);
    assertThat(LibraryKinds.of("aiohttp")).contains(Kind.ASYNC_FRAMEWORK);
    assertThat(LibraryKinds.of("psycopg2_binary")).contains(Kind.DB_CLIENT);
    assertThat(LibraryKinds.of("attrs")).isEmpty();
  }

  @Test
  void countsAndFilters() {
    ConcurrencyFacts facts =
        new ConcurrencyFacts(
            java.util.List.of(
                new ConcurrencyFacts.Signal(Kind.ASYNCIO, "asyncio.run", "a.py", 3),
                new ConcurrencyFacts.Signal(Kind.CPU_LIBRARY, "numpy", "a.py", 1),
                new ConcurrencyFacts.Signal(Kind.ASYNCIO, "asyncio.gather", "b.py", 9)));
    assertThat(facts.count(Kind.ASYNCIO)).isEqualTo(2);
    assertThat(facts.counts().get(Kind.THREADING)).isZero();
    assertThat(facts.of(Kind.CPU_LIBRARY))
        .extracting(ConcurrencyFacts.Signal::detail)
        .containsExactly("numpy");
    assertThat(facts.plus(facts).signals()).hasSize(6);
  }
}
