package dev.strata.agent.config;

import dev.strata.agent.adapter.out.files.LocalFolderFileStore;
import dev.strata.agent.adapter.out.postgres.PostgresAttachmentOwners;
import dev.strata.agent.adapter.out.postgres.PostgresAttachments;
import dev.strata.agent.application.files.AttachFile;
import dev.strata.agent.application.files.ReadAttachments;
import dev.strata.agent.application.files.RemoveAttachment;
import dev.strata.agent.application.files.SweepOrphanContent;
import dev.strata.agent.domain.attachment.AttachmentOwners;
import dev.strata.agent.domain.attachment.Attachments;
import dev.strata.agent.domain.attachment.ContentTypes;
import dev.strata.agent.domain.attachment.FileStore;
import dev.strata.agent.domain.shared.UnitOfWork;
import dev.strata.agent.settings.FilesConfig;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;

/** Composition root of attachments: the local-folder file store, their rows, the upload/read/delete use cases. */
@ApplicationScoped
public class FilesConfiguration {

  @Produces @Singleton FileStore fileStore(FilesConfig config, Vertx vertx) { return new LocalFolderFileStore(Path.of(config.files().root()), vertx); }
  @Produces @Singleton Attachments attachments() { return new PostgresAttachments(); }
  @Produces @Singleton AttachmentOwners attachmentOwners() { return new PostgresAttachmentOwners(); }

  @Produces @Singleton
  AttachFile attachFile(AttachmentOwners owners, Attachments attachments, FileStore files, UnitOfWork u, FilesConfig config,
      Clock clock) {
    return new AttachFile(owners, attachments, files, u, new ContentTypes(config.files().contentTypes()),
        config.files().maxSize().asLongValue(), clock);
  }

  @Produces @Singleton
  ReadAttachments readAttachments(AttachmentOwners owners, Attachments attachments, FileStore files, UnitOfWork u) {
    return new ReadAttachments(owners, attachments, files, u);
  }

  @Produces @Singleton
  SweepOrphanContent sweepOrphanContent(Attachments attachments, FileStore files, UnitOfWork u) {
    return new SweepOrphanContent(attachments, files, u);
  }

  @Produces @Singleton
  RemoveAttachment removeAttachment(Attachments attachments, SweepOrphanContent orphans, UnitOfWork u) {
    return new RemoveAttachment(attachments, orphans, u);
  }
}
