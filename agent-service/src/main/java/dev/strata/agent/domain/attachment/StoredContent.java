package dev.strata.agent.domain.attachment;

/**
 * Content read into the store's staging area: its digest and size, and the adapter's opaque
 * token for the staged copy, which {@link FileStore#keep} or {@link FileStore#discard} consumes.
 */
public record StoredContent(String sha256, long sizeBytes, String stagingToken) {}
