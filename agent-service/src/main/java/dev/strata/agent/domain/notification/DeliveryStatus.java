package dev.strata.agent.domain.notification;

/** How delivering a notification went: REJECTED is permanent (the endpoint refused it), FAILED may succeed later. */
public enum DeliveryStatus {
  DELIVERED,
  FAILED,
  REJECTED
}
