package dev.strata.scoring.domain.training;

/**
 * One training example: feature values in the order of the training set's feature names, the
 * target a model learns, and the churn label every model is judged against.
 */
public record LabeledRow(String customerId, double[] values, double target, boolean churned) {}
