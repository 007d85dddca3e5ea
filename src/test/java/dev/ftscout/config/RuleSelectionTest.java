package dev.ftscout.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuleSelectionTest {
  private static boolean on(List<String> select, List<String> ignore, String id, String name) {
    return new RuleSelection(select, ignore).enabled(id, name);
  }

  @Test
  void emptySelectEnablesEverything() {
    assertThat(on(List.of(), List.of(), "FT201", "x")).isTrue();
  }

  @Test
  void prefixesAndIds() {
    assertThat(on(List.of("FT2"), List.of(), "FT201", "x")).isTrue();
    assertThat(on(List.of("FT2"), List.of(), "FT101", "x")).isFalse();
    assertThat(on(List.of("ft20"), List.of(), "FT201", "x")).isTrue();
  }

  @Test
  void mostSpecificWinsAndTiesGoToIgnore() {
    assertThat(on(List.of("FT201"), List.of("FT2"), "FT201", "x")).isTrue();
    assertThat(on(List.of("FT2"), List.of("FT201"), "FT201", "x")).isFalse();
    assertThat(on(List.of("FT2"), List.of("FT2"), "FT202", "x")).isFalse();
    assertThat(on(List.of(), List.of("FT2"), "FT202", "x")).isFalse();
    assertThat(on(List.of(), List.of("ALL"), "FT202", "x")).isFalse();
  }

  @Test
  void namesCountAsFullySpecific() {
    assertThat(on(List.of("borrowed-reference"), List.of("FT2"), "FT202", "borrowed-reference"))
        .isTrue();
    assertThat(on(List.of("ALL"), List.of("borrowed-reference"), "FT202", "borrowed-reference"))
        .isFalse();
  }
}
