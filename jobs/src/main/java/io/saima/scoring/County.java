package io.saima.scoring;

import java.io.Serializable;

/** A county as {@code silver.regions} describes it. */
public record County(String code, String name, String group) implements Serializable {}
