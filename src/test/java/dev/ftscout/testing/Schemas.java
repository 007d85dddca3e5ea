package dev.ftscout.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Validates our outputs against their schemas: the official SARIF 2.1.0 schema from {@code
 * ../shared/data/sarif/} (never copied into the repo) and our own report schema in {@code schema/}.
 */
public final class Schemas {
  private Schemas() {}

  /** Validation errors of a SARIF document (empty when valid). */
  public static List<String> sarifErrors(String sarif) {
    Path schema = TestVenvs.shared().resolve("data/sarif/sarif-schema-2.1.0.json");
    return errors(SpecificationVersion.DRAFT_4, schema, sarif);
  }

  /** Validation errors of an ftscout JSON report (empty when valid). */
  public static List<String> reportErrors(String json) {
    Path schema = TestVenvs.basedir().resolve("schema/ftscout-report.schema.json");
    return errors(SpecificationVersion.DRAFT_2020_12, schema, json);
  }

  private static List<String> errors(SpecificationVersion version, Path schemaFile, String doc) {
    try (InputStream in = Files.newInputStream(schemaFile)) {
      Schema schema = SchemaRegistry.withDefaultDialect(version).getSchema(in);
      JsonNode node = new ObjectMapper().readTree(doc);
      return schema.validate(node).stream().map(Error::toString).toList();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read schema " + schemaFile, e);
    }
  }
}
