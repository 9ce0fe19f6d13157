package io.saima.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void settingsNamedLikeCredentialsAreSecret() {
    for (String name :
        List.of(
            "fs.s3a.access.key",
            "fs.s3a.secret.key",
            "fs.s3a.session.token",
            "spark.hadoop.fs.s3a.access.key",
            "spark.hadoop.fs.s3a.bucket.commerce.secret.key",
            "spark.ssl.keyStorePassword",
            "javax.jdo.option.ConnectionPassword",
            "spark.authenticate.secret",
            "AWS_SECRET_ACCESS_KEY",
            "hadoop.security.credential.provider.path",
            "delegation_token")) {
      assertTrue(Redaction.isSecret(name), name);
    }
    for (String name :
        List.of(
            "landing",
            "warehouse",
            "fs.s3a.endpoint",
            "fs.s3a.path.style.access",
            "spark.sql.shuffle.partitions",
            "spark.master")) {
      assertFalse(Redaction.isSecret(name), name);
    }
  }

  @Test
  void redactingKeepsTheOrderAndEveryOtherValue() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("spark.master", "spark://10.0.0.5:7077");
    settings.put("spark.hadoop.fs.s3a.access.key", "AKIAEXAMPLE");
    settings.put("spark.hadoop.fs.s3a.secret.key", "wJalrXUtnFEMI");
    settings.put("spark.hadoop.fs.s3a.session.token", "FwoGZXIvYXdzE");
    settings.put("warehouse", "s3a://AKIAEXAMPLE:wJalrXUtnFEMI@bucket/warehouse");
    settings.put("landing", "hdfs://namenode:8020/landing");

    Map<String, String> redacted = Redaction.redact(settings);

    assertEquals(List.copyOf(settings.keySet()), List.copyOf(redacted.keySet()));
    assertEquals("spark://10.0.0.5:7077", redacted.get("spark.master"));
    assertEquals(Redaction.REDACTED, redacted.get("spark.hadoop.fs.s3a.access.key"));
    assertEquals(Redaction.REDACTED, redacted.get("spark.hadoop.fs.s3a.secret.key"));
    assertEquals(Redaction.REDACTED, redacted.get("spark.hadoop.fs.s3a.session.token"));
    assertEquals("s3a://" + Redaction.REDACTED + "@bucket/warehouse", redacted.get("warehouse"));
    assertEquals("hdfs://namenode:8020/landing", redacted.get("landing"));
    String shown = redacted.toString();
    assertFalse(shown.contains("AKIAEXAMPLE"), shown);
    assertFalse(shown.contains("wJalrXUtnFEMI"), shown);
    assertFalse(shown.contains("FwoGZXIvYXdzE"), shown);
  }

  @Test
  void userInformationIsHiddenEvenWhereTheTextIsNotAValidUri() {
    String redacted = Redaction.redactUri("s3a://AKIA:wJal rX@bucket/warehouse");
    assertFalse(redacted.contains("wJal"), redacted);
    assertEquals("s3a://" + Redaction.REDACTED + "@bucket/warehouse", redacted);
    assertEquals("/srv/saima/a@b", Redaction.redactUri("/srv/saima/a@b"));
  }
}
