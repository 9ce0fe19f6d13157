package io.saima.scoring;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * A row of {@code silver.targets}: {@code value} in the indicator's currency or {@code growth_pct}.
 */
public record Target(
    String regionCode, String indicator, int targetPeriod, String targetType, BigDecimal value)
    implements Serializable {}
