package dev.strata.scoring.application;

import dev.strata.kernel.api.CustomerFeatures;
import dev.strata.kernel.error.DomainException;
import dev.strata.scoring.domain.customer.CustomerFeatureSource;
import dev.strata.scoring.domain.model.Sha256;
import dev.strata.scoring.domain.training.LabeledRow;
import dev.strata.scoring.domain.training.Recipe;
import io.smallrye.mutiny.Uni;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.IntFunction;

/** Pages every labelled customer out of the warehouse and fingerprints what was read. */
class TrainingData {

  private final CustomerFeatureSource source;
  private final int pageSize;

  TrainingData(CustomerFeatureSource source, int pageSize) {
    this.source = source;
    this.pageSize = pageSize;
  }

  /** @param fingerprint sha256 over feature names and every row, in the order read */
  record Labelled(List<String> featureNames, List<LabeledRow> rows, String fingerprint) {}

  /** @param progress told the rows read so far after every page; the next page is read when it is done */
  Uni<Labelled> fetch(Recipe recipe, IntFunction<Uni<Void>> progress) {
    Reading reading = new Reading(recipe, progress);
    return reading.from(null).map(done -> reading.labelled());
  }

  /** One fetch's rows and digest so far; pages are read one after another. */
  private final class Reading {
    private final Recipe recipe;
    private final IntFunction<Uni<Void>> progress;
    private final List<LabeledRow> rows = new ArrayList<>();
    private final MessageDigest digest = Sha256.digest();
    private List<String> names;

    Reading(Recipe recipe, IntFunction<Uni<Void>> progress) {
      this.recipe = recipe;
      this.progress = progress;
    }

    Uni<Void> from(String cursor) {
      return Async.uni(() -> source.all(cursor, pageSize)).chain(page -> {
        add(page);
        return progress.apply(rows.size())
            .chain(() -> page.nextCursor() == null ? Uni.createFrom().voidItem() : from(page.nextCursor()));
      });
    }

    private void add(CustomerFeatures page) {
      if (names == null) {
        names = page.featureNames();
        names.forEach(n -> digest.update(n.getBytes(StandardCharsets.UTF_8)));
      } else if (!names.equals(page.featureNames())) {
        throw new IllegalStateException("warehouse changed its feature names between pages");
      }
      for (CustomerFeatures.Row row : page.rows()) {
        if (row.churned() != null) {
          LabeledRow example = recipe.example(row);
          rows.add(example);
          digest.update(row.customerId().getBytes(StandardCharsets.UTF_8));
          ByteBuffer values = ByteBuffer.allocate(8 * (example.values().length + 1));
          for (double v : example.values()) {
            values.putDouble(v);
          }
          digest.update(values.putDouble(example.target()).array());
        }
      }
    }

    Labelled labelled() {
      if (rows.size() < 50) {
        throw new DomainException.Invalid("only " + rows.size() + " labelled customers in the warehouse; at least 50 are needed to train");
      }
      return new Labelled(names, rows, HexFormat.of().formatHex(digest.digest()));
    }
  }
}
