package io.reelforge.domain.model.webhook;

/**
 * Which deliveries the console lists: each part narrows the list when set, so the empty filter is every
 * account's deliveries. {@code status} finds the failed ones (or those still pending).
 */
public record DeliveryFilter(String accountId, String endpointId, DeliveryStatus status) {

    public static final DeliveryFilter ALL = new DeliveryFilter(null, null, null);
}
