package dev.strata.kernel.messaging.contract;

import java.util.UUID;

/**
 * {@code notification.send}: deliver a message to a webhook.
 *
 * @param webhookUrl where to deliver; null means the URL configured for {@code channel}
 * @param executionId the workflow execution that asked for it, if any
 */
public record NotificationSend(
    String channel, String webhookUrl, String subject, String body, UUID executionId) {}
