package dev.strata.scoring.domain.model;

/** What a model's output means, which decides how it is evaluated and read. */
public enum ModelTask {
  /** Output is a [batch, classes] probability matrix; the positive class has an index. */
  CLASSIFICATION,
  /** Output is a [batch, 1] value. */
  REGRESSION
}
