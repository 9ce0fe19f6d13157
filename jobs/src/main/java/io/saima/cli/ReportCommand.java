package io.saima.cli;

import io.saima.catalog.Warehouse;
import io.saima.config.SaimaConfig;
import io.saima.report.BulletinFiles;
import io.saima.report.GoldSnapshot;
import io.saima.report.ReportStage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code saima report}: the leadership bulletin (简报) of one county for one month. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    header = "Writes the leadership bulletin (简报): HTML, Excel, Word and Markdown.",
    description = {
      "Reads the gold and simulation tables and writes, into <out>/<period>/<region>/,"
          + " bulletin.html (one self-contained page with its charts, printable on A4),"
          + " bulletin.xlsx (the same tables, one sheet each, and the gold cell behind every"
          + " figure), 简报.docx (the editable Word 简报) and bulletin.md (a short text for"
          + " messaging apps). The four files are written together: a bulletin is never left"
          + " half-filled.",
      "Defaults: the latest period with county figures, the home_region of the configuration,"
          + " and its reports folder. The folder written is printed on stdout."
    },
    exitCodeListHeading = ExitCode.HEADING,
    exitCodeList = {ExitCode.OK_HELP, ExitCode.FAILURE_HELP, ExitCode.USAGE_HELP})
public final class ReportCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin CommonOptions.WarehouseOptions common;

  @Option(
      names = "--period",
      paramLabel = "YYYYMM",
      description = "The month of the bulletin (default: the latest with county figures).")
  String period;

  @Option(
      names = "--region",
      paramLabel = "CODE",
      description = "The county (default: home_region of the configuration).")
  String region;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "The folder of bulletins (default: the reports key of the configuration).")
  Path out;

  @Override
  public Integer call() {
    Integer periodValue = Periods.parse(spec, period);
    if (region != null && !region.matches("\\d{6}")) {
      throw new ParameterException(
          spec.commandLine(), "--region expects a 6-digit county code, got '" + region + "'");
    }
    SaimaConfig config = common.load(List.of());
    String county = region != null ? region : config.homeRegion();
    Path folder = out != null ? out : Path.of(config.reports());
    Warehouse warehouse = CommonOptions.openWarehouse(config);
    GoldSnapshot.Choices choices = GoldSnapshot.choices(warehouse);
    if (choices.counties().isEmpty()) {
      throw new ParameterException(
          spec.commandLine(),
          "gold.indicator_monthly has no county figures in "
              + config.warehouse()
              + "; run saima nightly first");
    }
    requireCounty(county, region != null ? "--region" : "home_region", choices.counties());
    int month = periodValue != null ? periodValue : choices.latestPeriod().orElseThrow();
    Periods.requireKnown(spec, month, choices.periods(), "county figures");
    Path written =
        ReportStage.run(
            warehouse,
            month,
            county,
            choices.counties().get(county),
            ReportStage.scenarioLabels(config),
            folder);
    for (String name : BulletinFiles.NAMES) {
      System.out.println(written.resolve(name));
    }
    return ExitCode.OK;
  }

  /** A county without figures is bad usage naming the closest that have them. */
  private void requireCounty(String code, String option, Map<String, String> counties) {
    if (counties.containsKey(code)) {
      return;
    }
    List<String> closest = Closest.to(code, counties.keySet());
    String shown =
        closest.subList(0, Math.min(5, closest.size())).stream()
            .map(c -> c + " " + counties.get(c))
            .collect(Collectors.joining(", "));
    throw new ParameterException(
        spec.commandLine(),
        option
            + " "
            + code
            + " is not a county with figures in gold.indicator_monthly; the closest are "
            + shown
            + (closest.size() > 5 ? ", … (" + closest.size() + " counties)" : ""));
  }
}
