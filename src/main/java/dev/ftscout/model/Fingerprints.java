package dev.ftscout.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Stable identities for findings that survive line shifts: rule, file, the normalised source text
 * at the finding (or its message when it has none) and which occurrence of that same text it is.
 * Baselines and SARIF's {@code partialFingerprints} use them.
 */
public final class Fingerprints {
  private Fingerprints() {}

  /** One fingerprint per finding, in the same order. */
  public static List<String> of(List<Finding> findings) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < findings.size(); i++) {
      order.add(i);
    }
    order.sort((a, b) -> {
      Finding x = findings.get(a);
      Finding y = findings.get(b);
      int c = Integer.compare(x.span().line(), y.span().line());
      return c != 0 ? c : Integer.compare(x.span().column(), y.span().column());
    });
    Map<String, Integer> seen = new HashMap<>();
    String[] out = new String[findings.size()];
    for (int i : order) {
      Finding f = findings.get(i);
      String key = f.ruleId() + '\0' + f.path() + '\0' + normalised(f);
      int occurrence = seen.merge(key, 1, Integer::sum);
      out[i] = hash(key + '\0' + occurrence);
    }
    return List.of(out);
  }

  private static String normalised(Finding f) {
    String text = f.snippet().isBlank() ? f.message() : f.snippet();
    return text.strip().replaceAll("\\s+", " ");
  }

  private static String hash(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
