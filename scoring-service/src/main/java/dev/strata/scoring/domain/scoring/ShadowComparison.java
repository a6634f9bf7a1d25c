package dev.strata.scoring.domain.scoring;

import dev.strata.scoring.domain.model.ModelCard;
import dev.strata.scoring.domain.model.ModelTask;

/**
 * The champion's and the challenger's scores of the same customers, compared row by row. Two
 * scores agree when they would lead to the same action: for a classifier, both on the same side of
 * the decision threshold; for a regressor, within {@value #RELATIVE_TOLERANCE} of the larger
 * (or both under {@value #ABSOLUTE_TOLERANCE}, where relative differences of near-zero values mean nothing).
 */
public record ShadowComparison(ModelCard champion, ModelCard challenger, double[] differences, int agreed) {

  public static final double THRESHOLD = 0.5;
  public static final double RELATIVE_TOLERANCE = 0.10;
  public static final double ABSOLUTE_TOLERANCE = 1.0;

  public static ShadowComparison of(ModelCard champion, ModelCard challenger, float[] championScores, float[] challengerScores) {
    double[] differences = new double[championScores.length];
    int agreed = 0;
    for (int i = 0; i < championScores.length; i++) {
      differences[i] = Math.abs(championScores[i] - challengerScores[i]);
      if (agree(champion.task(), championScores[i], challengerScores[i])) {
        agreed++;
      }
    }
    return new ShadowComparison(champion, challenger, differences, agreed);
  }

  public static boolean agree(ModelTask task, double a, double b) {
    return switch (task) {
      case CLASSIFICATION -> (a >= THRESHOLD) == (b >= THRESHOLD);
      case REGRESSION -> Math.abs(a - b) <= Math.max(ABSOLUTE_TOLERANCE, RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b)));
    };
  }

  public int rows() {
    return differences.length;
  }
}
