package io.reelforge.domain.model.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface WebhookRepository {

    void store(WebhookEndpoint endpoint);

    Optional<WebhookEndpoint> endpoint(String id);

    List<WebhookEndpoint> endpoints(String accountId);

    /** One account's endpoints, or every account's when {@code accountId} is null. */
    long countEndpoints(String accountId);

    /** A page of one account's endpoints, or of every account's when {@code accountId} is null, oldest first. */
    List<WebhookEndpoint> endpointPage(String accountId, int offset, int limit);

    /** Removes the endpoint with its deliveries and their attempts. */
    void delete(WebhookEndpoint endpoint);

    Optional<AccountSigningKey> signingKey(String accountId);

    void store(AccountSigningKey key);

    void store(WebhookDelivery delivery);

    void store(DeliveryAttempt attempt);

    Optional<WebhookDelivery> delivery(String id);

    Optional<WebhookDelivery> lockDelivery(String id);

    /** Pending deliveries whose next attempt is due, oldest due first. */
    List<WebhookDelivery> due(Instant now, int limit);

    /** An account's deliveries, newest first, of one endpoint when given, older than the cursor when given. */
    List<WebhookDelivery> deliveries(String accountId, String endpointId, Instant beforeCreatedAt, String beforeId, int limit);

    /** A page of the deliveries the filter selects, across accounts, newest first: the console's list. */
    List<WebhookDelivery> deliveryPage(DeliveryFilter filter, int offset, int limit);

    long countDeliveries(DeliveryFilter filter);

    List<DeliveryAttempt> attempts(String deliveryId);
}
