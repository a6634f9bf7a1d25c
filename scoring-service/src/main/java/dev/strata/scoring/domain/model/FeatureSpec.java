package dev.strata.scoring.domain.model;

/** One model input column: its name (as warehouse-service names the gold feature) and type. */
public record FeatureSpec(String name, String type) {

  public static FeatureSpec number(String name) {
    return new FeatureSpec(name, "float");
  }
}
