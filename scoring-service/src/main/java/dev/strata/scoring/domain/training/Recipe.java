package dev.strata.scoring.domain.training;

import dev.strata.kernel.api.CustomerFeatures;
import dev.strata.kernel.error.DomainException;
import dev.strata.scoring.domain.model.ModelTask;
import java.util.Arrays;

/**
 * The models this service knows how to train from gold customer features.
 *
 * <ul>
 *   <li>{@code churn_model}: logistic regression, the probability that a customer churns.
 *   <li>{@code risk_model}: linear regression of <em>revenue at risk per month</em>, the monthly
 *       charges a customer takes with them when they churn (target = monthly charges for a churned
 *       customer, 0 otherwise). Its prediction estimates E[churned × monthly charges | features]:
 *       the money per month the customer's likely departure costs.
 * </ul>
 */
public enum Recipe {
  CHURN("churn_model", ModelTask.CLASSIFICATION),
  RISK("risk_model", ModelTask.REGRESSION);

  private final String model;
  private final ModelTask task;

  Recipe(String model, ModelTask task) {
    this.model = model;
    this.task = task;
  }

  public String model() {
    return model;
  }

  public ModelTask task() {
    return task;
  }

  public static Recipe of(String model) {
    return Arrays.stream(values()).filter(r -> r.model.equals(model)).findFirst()
        .orElseThrow(() -> new DomainException.NotFound("no training recipe for model '" + model
            + "'; trainable models are churn_model and risk_model"));
  }

  /** The training example of a labelled row; rows without a churn label are not used. */
  public LabeledRow example(CustomerFeatures.Row row) {
    double[] values = row.values().stream().mapToDouble(v -> v == null ? 0.0 : v).toArray();
    boolean churned = Boolean.TRUE.equals(row.churned());
    double target = switch (this) {
      case CHURN -> churned ? 1.0 : 0.0;
      case RISK -> churned ? row.monthlyCharges() : 0.0;
    };
    return new LabeledRow(row.customerId(), values, target, churned);
  }
}
