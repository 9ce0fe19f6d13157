package io.saima.generate;

import java.nio.file.Path;
import java.time.YearMonth;

/**
 * What to generate.
 *
 * @param scale 1 is a realistic province-year of customs lines
 * @param seed the same seed gives byte-identical files
 * @param out the landing folder to write ({@code <out>/<source>/<delivery>/...})
 * @param from first month
 * @param to last month
 * @param reference folder with regions.csv and units.csv
 */
public record GeneratorSpec(
    double scale, long seed, Path out, YearMonth from, YearMonth to, Path reference) {}
