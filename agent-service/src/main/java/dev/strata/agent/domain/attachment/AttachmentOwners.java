package dev.strata.agent.domain.attachment;

import java.util.concurrent.CompletionStage;

/** Whether a session or execution exists (checked before an upload reads its body). */
@FunctionalInterface
public interface AttachmentOwners {

  CompletionStage<Boolean> exists(AttachmentOwner owner);
}
