package io.saima.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file under {@code docs/} written from the code: the test fails when the file differs from what
 * the code renders, and {@code -Dsaima.docs.update=true} rewrites it.
 */
final class GeneratedDoc {
  private GeneratedDoc() {}

  static void check(Path doc, String expected, String renderedFrom) throws IOException {
    if (Boolean.getBoolean("saima.docs.update")) {
      Files.createDirectories(doc.getParent());
      Files.writeString(doc, expected, StandardCharsets.UTF_8);
    }
    String actual = Files.exists(doc) ? Files.readString(doc, StandardCharsets.UTF_8) : "";
    assertEquals(
        expected,
        actual,
        "docs/"
            + doc.getFileName()
            + " differs from "
            + renderedFrom
            + "; rerun with -Dsaima.docs.update=true");
  }
}
