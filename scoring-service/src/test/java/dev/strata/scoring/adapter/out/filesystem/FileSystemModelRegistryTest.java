package dev.strata.scoring.adapter.out.filesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.strata.kernel.error.DomainException;
import dev.strata.scoring.domain.model.FeatureSpec;
import dev.strata.scoring.domain.model.ModelCard;
import dev.strata.scoring.domain.model.ModelRef;
import dev.strata.scoring.domain.model.ModelRegistry;
import dev.strata.scoring.domain.model.ModelTask;
import dev.strata.scoring.domain.model.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemModelRegistryTest {

  @TempDir Path folder;
  private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

  private static ModelCard card(String name) {
    return new ModelCard(name, "1", ModelTask.CLASSIFICATION, Instant.parse("2026-01-01T00:00:00Z"), Map.of("auc", 0.84),
        List.of(FeatureSpec.number("tenure")), "input", "output", 1, null, "fp");
  }

  @Test
  void versionsAreNumberedFromOneAndLaidOutAsModelVersionFolders() throws Exception {
    var registry = new FileSystemModelRegistry(folder, json, Runnable::run);
    ModelCard first = join(registry.register(card("churn_model"), new byte[] {1, 2, 3}));
    ModelCard second = join(registry.register(card("churn_model"), new byte[] {4, 5}));

    assertThat(first.version()).isEqualTo("1");
    assertThat(second.version()).isEqualTo("2");
    assertThat(Files.readAllBytes(folder.resolve("churn_model/2/model.onnx"))).containsExactly(4, 5);
    String written = Files.readString(folder.resolve("churn_model/1/model.json"));
    assertThat(written).contains("\"trained_at\"", "\"sha256\" : \"" + Sha256.hex(new byte[] {1, 2, 3}) + "\"", "\"training_fingerprint\"");
    assertThat(join(registry.versions("churn_model"))).extracting(ModelCard::version).containsExactly("1", "2");
    assertThat(join(registry.models())).containsExactly("churn_model");
  }

  @Test
  void anArchivedVersionIsRecordedForEveryProcessAndStaysListed() {
    var admin = new FileSystemModelRegistry(folder, json, Runnable::run);
    var serving = new FileSystemModelRegistry(folder, json, Runnable::run);
    admin.register(card("churn_model"), new byte[] {1});
    admin.register(card("churn_model"), new byte[] {2});
    assertThat(join(serving.archived("churn_model"))).isEmpty();

    admin.archive(new ModelRef("churn_model", "2"));
    admin.archive(new ModelRef("churn_model", "1"));

    assertThat(join(serving.archived("churn_model"))).containsExactlyInAnyOrder("1", "2");
    assertThat(join(serving.versions("churn_model"))).extracting(ModelCard::version).containsExactly("1", "2");
    assertThatThrownBy(() -> join(admin.archive(new ModelRef("churn_model", "9")))).isInstanceOf(DomainException.NotFound.class);
  }

  @Test
  void anAliasCanBeRemoved() {
    var registry = new FileSystemModelRegistry(folder, json, Runnable::run);
    registry.register(card("churn_model"), new byte[] {1});
    registry.setAlias("churn_model", ModelRegistry.CHAMPION, "1");
    registry.setAlias("churn_model", ModelRegistry.CHALLENGER, "1");

    registry.removeAlias("churn_model", ModelRegistry.CHALLENGER);
    registry.removeAlias("churn_model", "never-set");

    assertThat(join(new FileSystemModelRegistry(folder, json, Runnable::run).aliases("churn_model"))).containsOnlyKeys(ModelRegistry.CHAMPION);
  }

  @Test
  void aVersionOrAliasWrittenByAnotherProcessIsSeenWithoutRestart() {
    var serving = new FileSystemModelRegistry(folder, json, Runnable::run);
    var trainer = new FileSystemModelRegistry(folder, json, Runnable::run);
    assertThat(join(serving.versions("churn_model"))).isEmpty();
    assertThat(join(serving.aliases("churn_model"))).isEmpty();

    ModelCard registered = join(trainer.register(card("churn_model"), new byte[] {9}));
    trainer.setAlias("churn_model", ModelRegistry.CHAMPION, registered.version());

    assertThat(join(serving.card(new ModelRef("churn_model", "1")))).contains(registered);
    assertThat(join(serving.aliases("churn_model"))).containsEntry(ModelRegistry.CHAMPION, "1");
  }

  @Test
  void anAliasMovesToAnotherVersionButNeverToOneThatDoesNotExist() {
    var registry = new FileSystemModelRegistry(folder, json, Runnable::run);
    registry.register(card("risk_model"), new byte[] {1});
    registry.register(card("risk_model"), new byte[] {2});
    registry.setAlias("risk_model", ModelRegistry.CHAMPION, "1");
    registry.setAlias("risk_model", ModelRegistry.CHAMPION, "2");

    assertThat(join(registry.aliases("risk_model"))).containsEntry(ModelRegistry.CHAMPION, "2");
    assertThatThrownBy(() -> join(registry.setAlias("risk_model", ModelRegistry.CHALLENGER, "3"))).isInstanceOf(DomainException.NotFound.class);
  }

  @Test
  void namesThatCouldLeaveTheFolderAreRefused() {
    var registry = new FileSystemModelRegistry(folder, json, Runnable::run);
    assertThatThrownBy(() -> join(registry.register(card("../escape"), new byte[] {1}))).isInstanceOf(DomainException.Invalid.class);
    assertThatThrownBy(() -> join(registry.versions(".."))).isInstanceOf(DomainException.Invalid.class);
    assertThatThrownBy(() -> new ModelRef("churn_model", "../1")).isInstanceOf(DomainException.Invalid.class);
  }
  /** The stage's value, or the exception it failed with, as the call itself used to give them. */
  private static <T> T join(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().join();
    } catch (CompletionException e) {
      throw (RuntimeException) e.getCause();
    }
  }
}
