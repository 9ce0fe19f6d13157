package io.saima.cli;

import io.saima.config.SaimaConfig;
import io.saima.generate.GeneratorSpec;
import io.saima.generate.LandingGenerator;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code saima generate}: realistic synthetic landing data, reproducible from a seed. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    header = "Writes synthetic landing data, reproducible from a seed.",
    description = {
      "Writes synthetic deliveries for all four sources in the landing contract of DESIGN.md,"
          + " for every county of regions.csv and the units of units.csv. Money does not depend"
          + " on --scale: a larger scale splits the same county-month totals into more lines"
          + " (scale 1 is about 3 million customs lines a year). Files come in GBK and UTF-8,"
          + " with a few deliberately bad rows and a revision of March 2020 customs. The same"
          + " seed and options give byte-identical files."
    },
    exitCodeListHeading = ExitCode.HEADING,
    exitCodeList = {ExitCode.OK_HELP, ExitCode.FAILURE_HELP, ExitCode.USAGE_HELP})
public final class GenerateCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(GenerateCommand.class);

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin CommonOptions.ReferenceOptions common;

  @Option(
      names = "--scale",
      paramLabel = "S",
      defaultValue = "1",
      description =
          "The size: 1 is a realistic province-year of customs lines (default: ${DEFAULT-VALUE}).")
  double scale;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "1",
      description = "The random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      required = true,
      description = "The landing folder to write.")
  Path out;

  @Option(
      names = "--from",
      paramLabel = "YYYY-MM",
      defaultValue = "2019-01",
      description = "The first month (default: ${DEFAULT-VALUE}).")
  String from;

  @Option(
      names = "--to",
      paramLabel = "YYYY-MM",
      defaultValue = "2020-12",
      description = "The last month (default: ${DEFAULT-VALUE}).")
  String to;

  @Override
  public Integer call() throws Exception {
    YearMonth first = month("--from", from);
    YearMonth last = month("--to", to);
    if (last.isBefore(first)) {
      throw new ParameterException(spec.commandLine(), "--to " + to + " is before --from " + from);
    }
    if (!(scale > 0) || scale > 1000) {
      throw new ParameterException(
          spec.commandLine(), "--scale must be above 0 and at most 1000, got " + scale);
    }
    SaimaConfig config = common.load(List.of("reference"));
    GeneratorSpec generatorSpec =
        new GeneratorSpec(
            scale,
            seed,
            out.toAbsolutePath().normalize(),
            first,
            last,
            Path.of(config.reference()));
    LOG.info(
        "generating {} to {} at scale {} with seed {} into {}",
        first,
        last,
        scale,
        seed,
        generatorSpec.out());
    long started = System.nanoTime();
    LandingGenerator.Summary summary = new LandingGenerator(generatorSpec).run();
    LOG.info(
        "wrote the deliveries into {} in {} s",
        generatorSpec.out(),
        String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9));
    System.out.println(summary.describe());
    return ExitCode.OK;
  }

  private YearMonth month(String option, String value) {
    try {
      return YearMonth.parse(value);
    } catch (java.time.format.DateTimeParseException e) {
      throw new ParameterException(
          spec.commandLine(), option + " expects YYYY-MM (e.g. 2020-06), got '" + value + "'");
    }
  }
}
