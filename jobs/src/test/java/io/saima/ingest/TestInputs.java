package io.saima.ingest;

import io.saima.config.SaimaConfig;
import io.saima.conform.SilverTables;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A small stand-in for the file readers, for testing the ingest stage on its own: local folders,
 * plain UTF-8 CSV split at commas (no quoting), English headers, and the validation rules of
 * DESIGN.md in their simplest form. Each reason code can be provoked by a hand-written line.
 */
public final class TestInputs implements IngestInputs {

  public TestInputs() {}

  public TestInputs(SaimaConfig config) {}

  /** What the validator needs: known counties and towns, and the month's rates. */
  record Lookup(Set<String> counties, Set<String> towns, Map<Integer, BigDecimal> usdCny)
      implements Serializable {}

  @Override
  public List<LandedDelivery> scan(String landing, Configuration hadoop) throws IOException {
    List<LandedDelivery> out = new ArrayList<>();
    for (Source source : Source.values()) {
      Path folder = Path.of(landing, source.id());
      if (!Files.isDirectory(folder)) {
        continue;
      }
      for (Path delivery : sorted(folder)) {
        if (!Files.isDirectory(delivery)) {
          continue;
        }
        List<LandedFile> files = new ArrayList<>();
        for (Path file : sorted(delivery)) {
          byte[] bytes = Files.readAllBytes(file);
          files.add(
              new LandedFile(
                  file.toUri().toString(),
                  file.getFileName().toString(),
                  bytes.length,
                  sha256(bytes)));
        }
        out.add(new LandedDelivery(source, delivery.getFileName().toString(), files));
      }
    }
    return out;
  }

  private static List<Path> sorted(Path folder) throws IOException {
    try (Stream<Path> list = Files.list(folder)) {
      return list.sorted().toList();
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public ReferenceSnapshot reference(String referenceDir, Configuration hadoop)
      throws ReferenceFilesException {
    List<Object[]> regions = table(referenceDir, "regions.csv", 7);
    List<Object[]> units = table(referenceDir, "units.csv", 4);
    List<Object[]> fx = table(referenceDir, "fx_rates.csv", 2);
    List<Object[]> targets = table(referenceDir, "targets.csv", 5);
    Map<Integer, BigDecimal> rates = new HashMap<>();
    try {
      for (Object[] row : fx) {
        row[0] = Integer.valueOf((String) row[0]);
        row[1] = new BigDecimal((String) row[1]).setScale(4, RoundingMode.UNNECESSARY);
        rates.put((Integer) row[0], (BigDecimal) row[1]);
      }
      for (Object[] row : targets) {
        row[2] = Integer.valueOf((String) row[2]);
        row[4] = new BigDecimal((String) row[4]).setScale(2, RoundingMode.UNNECESSARY);
      }
    } catch (RuntimeException e) {
      throw new ReferenceFilesException("fx_rates.csv or targets.csv: " + e.getMessage(), e);
    }
    return new ReferenceSnapshot(
        regions,
        units,
        fx,
        targets,
        new Lookup(
            Set.copyOf(regions.stream().map(r -> (String) r[0]).toList()),
            Set.copyOf(units.stream().map(r -> (String) r[0]).toList()),
            rates));
  }

  private static List<Object[]> table(String dir, String name, int columns)
      throws ReferenceFilesException {
    Path file = Path.of(dir, name);
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ReferenceFilesException(file + ": cannot be read", e);
    }
    List<Object[]> out = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String[] fields = lines.get(i).split(",", -1);
      if (fields.length != columns) {
        throw new ReferenceFilesException(
            file + " line " + (i + 1) + ": expected " + columns + " fields", null);
      }
      out.add(Arrays.copyOf(fields, fields.length, Object[].class));
    }
    return out;
  }

  @Override
  public FileRecords records(Source source) {
    return (in, fileName, lookup) -> open(in, fileName, source, (Lookup) lookup);
  }

  private static RecordStream open(InputStream in, String fileName, Source source, Lookup lookup)
      throws FileRefusedException, IOException {
    if (!fileName.endsWith(".csv")) {
      throw new FileRefusedException("not a CSV or XLSX file", null);
    }
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String header = reader.readLine();
    int[] positions = new int[source.columns().size()];
    Arrays.fill(positions, -1);
    if (header != null) {
      List<String> names = List.of(header.split(",", -1));
      for (int i = 0; i < positions.length; i++) {
        positions[i] = names.indexOf(source.columns().get(i));
      }
      for (String required : source.requiredColumns()) {
        if (!names.contains(required)) {
          throw new FileRefusedException("the header has no column " + required, null);
        }
      }
    }
    return new RecordStream() {
      long line = 1;
      String next = advance();

      private String advance() throws IOException {
        String text = header == null ? null : reader.readLine();
        line++;
        return text;
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public CheckedRecord next() {
        String text = next;
        long number = line;
        try {
          next = advance();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        String[] fields = text.split(",", -1);
        String[] values = new String[positions.length];
        for (int i = 0; i < positions.length; i++) {
          values[i] =
              positions[i] >= 0 && positions[i] < fields.length ? fields[positions[i]] : null;
        }
        return validate(number, text, values, source, lookup);
      }

      @Override
      public void close() throws IOException {
        reader.close();
      }
    };
  }

  static CheckedRecord validate(
      long line, String raw, String[] values, Source source, Lookup lookup) {
    Map<String, String> byName = new HashMap<>();
    for (int i = 0; i < values.length; i++) {
      String value = values[i] == null ? "" : values[i].trim();
      byName.put(source.columns().get(i), value.isEmpty() ? null : value);
    }
    for (String required : source.requiredColumns()) {
      if (byName.get(required) == null) {
        return CheckedRecord.rejected(
            line, raw, values, QuarantineReason.MISSING_FIELD, required + " is empty");
      }
    }
    String period = byName.get("period");
    if (!period.matches("[0-9]{4}(0[1-9]|1[0-2])")) {
      return CheckedRecord.rejected(
          line, raw, values, QuarantineReason.BAD_PERIOD, "period '" + period + "'");
    }
    if (!lookup.counties().contains(byName.get("county_code"))) {
      return CheckedRecord.rejected(
          line, raw, values, QuarantineReason.UNKNOWN_COUNTY, byName.get("county_code"));
    }
    if (byName.containsKey("enterprise_id") && !CreditCode.isValid(byName.get("enterprise_id"))) {
      return CheckedRecord.rejected(
          line, raw, values, QuarantineReason.INVALID_ENTERPRISE_ID, byName.get("enterprise_id"));
    }
    StructType business = CheckedRows.businessColumns(source);
    Map<String, BigDecimal> money = new HashMap<>();
    for (StructField field : business.fields()) {
      String text = byName.get(field.name());
      if (field.dataType() instanceof DecimalType && text != null) {
        BigDecimal amount;
        try {
          amount = new BigDecimal(text);
        } catch (NumberFormatException e) {
          return CheckedRecord.rejected(
              line, raw, values, QuarantineReason.BAD_NUMBER, field.name() + " '" + text + "'");
        }
        if (amount.scale() > 2) {
          return CheckedRecord.rejected(
              line, raw, values, QuarantineReason.BAD_NUMBER, field.name() + " '" + text + "'");
        }
        if (amount.signum() < 0) {
          return CheckedRecord.rejected(
              line, raw, values, QuarantineReason.NEGATIVE_AMOUNT, field.name());
        }
        money.put(field.name(), amount.setScale(2));
      }
    }
    int month = Integer.parseInt(period);
    if (source == Source.CUSTOMS_EXPORTS) {
      BigDecimal usd = money.get("value_usd");
      BigDecimal cny = money.get("value_cny");
      if (usd == null && cny == null) {
        return CheckedRecord.rejected(line, raw, values, QuarantineReason.NO_AMOUNT, "");
      }
      if (usd == null || cny == null) {
        BigDecimal rate = lookup.usdCny().get(month);
        if (rate == null) {
          return CheckedRecord.rejected(
              line, raw, values, QuarantineReason.NO_FX_RATE, "no rate for " + period);
        }
        if (usd == null) {
          money.put("value_usd", cny.divide(rate, 2, RoundingMode.HALF_UP));
        } else {
          money.put("value_cny", usd.multiply(rate).setScale(2, RoundingMode.HALF_UP));
        }
      }
    }
    boolean unknownTown = false;
    Object[] typed = new Object[business.size()];
    for (int i = 0; i < typed.length; i++) {
      String name = business.fields()[i].name();
      if (name.equals("period")) {
        typed[i] = month;
      } else if (money.containsKey(name)) {
        typed[i] = money.get(name);
      } else if (name.equals("town_code")) {
        String town = byName.get(name);
        unknownTown = town != null && !lookup.towns().contains(town);
        typed[i] = unknownTown ? null : town;
      } else if (name.equals("basis")) {
        typed[i] = byName.get(name) == null ? "month" : byName.get(name);
      } else {
        typed[i] = byName.get(name);
      }
    }
    if (SilverTables.of(source).schema().size() != typed.length + 3) {
      throw new IllegalStateException("columns do not line up for " + source);
    }
    return CheckedRecord.accepted(line, raw, values, typed, unknownTown);
  }
}
