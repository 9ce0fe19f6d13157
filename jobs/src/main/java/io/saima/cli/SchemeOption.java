package io.saima.cli;

import io.saima.scoring.Scheme;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --scheme NAME}: one of the configured scoring schemes instead of all of them. */
final class SchemeOption {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--scheme",
      paramLabel = "NAME",
      description = "Only this scheme of conf/scoring/ (default: all of them).")
  String name;

  /** The chosen scheme, or all of them; an unknown name is bad usage (exit 2). */
  Map<String, Scheme> select(Map<String, Scheme> configured) {
    if (name == null) {
      return configured;
    }
    if (!configured.containsKey(name)) {
      throw new ParameterException(
          spec.commandLine(),
          "--scheme "
              + name
              + " is not configured; the schemes are "
              + Closest.list(name, configured.keySet(), 10));
    }
    Map<String, Scheme> one = new LinkedHashMap<>();
    one.put(name, configured.get(name));
    return one;
  }
}
