package io.reelforge.application.console;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import io.reelforge.application.webhooks.WebhookService;
import io.reelforge.domain.model.account.Account;
import io.reelforge.domain.model.account.AccountRepository;
import io.reelforge.domain.model.webhook.DeliveryAttempt;
import io.reelforge.domain.model.webhook.DeliveryFilter;
import io.reelforge.domain.model.webhook.WebhookDelivery;
import io.reelforge.domain.model.webhook.WebhookEndpoint;
import io.reelforge.domain.model.webhook.WebhookEvent;
import io.reelforge.domain.model.webhook.WebhookRepository;
import io.reelforge.domain.shared.ReelforgeException;

/**
 * Every account's webhook endpoints and deliveries, for console users: read with {@code webhooks:read}; create,
 * delete, enable, rotate a secret and redeliver with {@code webhooks:manage}. The changes go through
 * {@link WebhookService}, the code behind {@code /v1/webhooks}, on the account the endpoint or delivery belongs
 * to, so the URL and address checks and the secret handling are the API's. Every change is audited; a secret
 * never is (nor a URL's query, which may hold a receiver's token).
 */
@ApplicationScoped
@Transactional
public class WebhookAdmin {

    public record EndpointRow(String id, String accountId, String accountName, String url, String description,
                              List<String> events, String status, String disabledReason, Instant createdAt) {
    }

    public record DeliveryRow(String id, String accountId, String accountName, String endpointId, String url,
                              String eventType, String generationId, String status, int attempts,
                              Integer lastStatusCode, String lastError, Instant nextAttemptAt, Instant createdAt,
                              Instant finishedAt) {
    }

    public record AttemptRow(int number, Instant attemptedAt, Integer statusCode, String response, String error,
                             long durationMs) {
    }

    /**
     * A secret to show once: the endpoint it signs for, and until when the secret it replaced still signs (null
     * for a new endpoint).
     */
    public record NewSecret(EndpointRow endpoint, String secret, Instant previousValidUntil) {
    }

    @Inject
    WebhookService webhooks;

    @Inject
    WebhookRepository repository;

    @Inject
    AccountRepository accounts;

    @Inject
    AuditLog audit;

    @Inject
    Validator validator;

    /** The event names an endpoint may subscribe to. */
    public List<String> events() {
        ConsoleSubject.require("webhooks:read");
        return Arrays.stream(WebhookEvent.values()).map(WebhookEvent::wireName).toList();
    }

    /** A page of one account's endpoints, or every account's when {@code accountId} is null, oldest first. */
    public List<EndpointRow> endpoints(String accountId, int offset, int limit) {
        ConsoleSubject.require("webhooks:read");
        List<WebhookEndpoint> page = repository.endpointPage(accountId, offset, limit);
        Function<String, String> names = names(page.stream().map(WebhookEndpoint::accountId).toList());
        return page.stream().map(e -> row(e, names.apply(e.accountId()))).toList();
    }

    public long countEndpoints(String accountId) {
        ConsoleSubject.require("webhooks:read");
        return repository.countEndpoints(accountId);
    }

    public NewSecret create(WebhookDraft draft) {
        String actor = ConsoleSubject.require("webhooks:manage");
        Drafts.check(validator, draft, "webhook.invalid");
        Account account = accounts.find(draft.getAccountId())
                .orElseThrow(() -> ReelforgeException.notFound("account", draft.getAccountId()));
        String description = draft.getDescription() == null || draft.getDescription().isBlank() ? null : draft.getDescription().trim();
        WebhookService.Created created = webhooks.create(account.id(), draft.getUrl(), description, List.copyOf(draft.getEvents()));
        WebhookEndpoint e = created.endpoint();
        audit.record(actor, "webhooks:create", e.id(), "account " + account.name() + ": " + shown(e.url()) + ", events "
                + (e.eventNames().isEmpty() ? "all" : String.join(" ", e.eventNames())));
        return new NewSecret(row(e, account.name()), created.secret(), null);
    }

    public void delete(String endpointId) {
        String actor = ConsoleSubject.require("webhooks:manage");
        WebhookEndpoint e = endpoint(endpointId);
        webhooks.delete(e.accountId(), e.id());
        audit.record(actor, "webhooks:delete", e.id(), "account " + accountName(e.accountId()) + ": " + shown(e.url()));
    }

    /** Turns on an endpoint that a 410 disabled; its failed deliveries can then be redelivered. */
    public EndpointRow enable(String endpointId) {
        String actor = ConsoleSubject.require("webhooks:manage");
        WebhookEndpoint before = endpoint(endpointId);
        String reason = before.disabledReason();
        WebhookEndpoint e = webhooks.enable(before.accountId(), before.id());
        String name = accountName(e.accountId());
        audit.record(actor, "webhooks:enable", e.id(), "account " + name + (reason == null ? "" : "; was: " + reason));
        return row(e, name);
    }

    /** A new secret, shown once; the one it replaces keeps signing through the grace period. */
    public NewSecret rotateSecret(String endpointId) {
        String actor = ConsoleSubject.require("webhooks:manage");
        WebhookEndpoint e = endpoint(endpointId);
        WebhookService.Secret secret = webhooks.rotateSecret(e.accountId(), e.id());
        String name = accountName(e.accountId());
        audit.record(actor, "webhooks:rotate-secret", e.id(), "account " + name + "; the previous secret signs until "
                + secret.previousValidUntil());
        return new NewSecret(row(e, name), secret.secret(), secret.previousValidUntil());
    }

    /** A page of the deliveries the filter selects, across accounts, newest first. */
    public List<DeliveryRow> deliveries(DeliveryFilter filter, int offset, int limit) {
        ConsoleSubject.require("webhooks:read");
        List<WebhookDelivery> page = repository.deliveryPage(filter, offset, limit);
        Function<String, String> names = names(page.stream().map(WebhookDelivery::accountId).toList());
        return page.stream().map(d -> row(d, names.apply(d.accountId()))).toList();
    }

    public long countDeliveries(DeliveryFilter filter) {
        ConsoleSubject.require("webhooks:read");
        return repository.countDeliveries(filter);
    }

    /** A delivery's attempts, oldest first, with what each got back. */
    public List<AttemptRow> attempts(String deliveryId) {
        ConsoleSubject.require("webhooks:read");
        return repository.attempts(delivery(deliveryId).id()).stream().map(WebhookAdmin::row).toList();
    }

    /** Sends the same message again now (same webhook-id and body); refused while its endpoint is disabled. */
    public DeliveryRow redeliver(String deliveryId) {
        String actor = ConsoleSubject.require("webhooks:manage");
        WebhookDelivery d = webhooks.redeliver(delivery(deliveryId).accountId(), deliveryId);
        String name = accountName(d.accountId());
        audit.record(actor, "webhooks:redeliver", d.id(), "account " + name + ": " + d.eventType() + " of generation "
                + d.generationId() + " to " + shown(d.url()));
        return row(d, name);
    }

    /**
     * A URL as the audit log shows it: scheme, host, port and path. The query is left out, since receivers
     * often take a token there ({@code ?token=…}); so are credentials and fragments, which a webhook URL never has.
     */
    static String shown(String url) {
        URI u;
        try {
            u = new URI(url);
        } catch (URISyntaxException e) {
            return "(unreadable URL)";
        }
        String authority = u.getRawAuthority() == null ? "" : u.getRawAuthority().replaceFirst("^.*@", "");
        return u.getScheme() + "://" + authority + (u.getRawPath() == null ? "" : u.getRawPath())
                + (u.getRawQuery() == null ? "" : "?…");
    }

    private WebhookEndpoint endpoint(String id) {
        return repository.endpoint(id).orElseThrow(() -> ReelforgeException.notFound("webhook", id));
    }

    private WebhookDelivery delivery(String id) {
        return repository.delivery(id).orElseThrow(() -> ReelforgeException.notFound("delivery", id));
    }

    private String accountName(String accountId) {
        return accounts.find(accountId).map(Account::name).orElse(accountId);
    }

    /** The names of a page's accounts, each looked up once. */
    private Function<String, String> names(List<String> accountIds) {
        Map<String, String> names = new HashMap<>();
        accountIds.forEach(id -> names.computeIfAbsent(id, this::accountName));
        return names::get;
    }

    private static EndpointRow row(WebhookEndpoint e, String accountName) {
        return new EndpointRow(e.id(), e.accountId(), accountName, e.url(), e.description(), e.eventNames(),
                e.status().wireName(), e.disabledReason(), e.createdAt());
    }

    private static DeliveryRow row(WebhookDelivery d, String accountName) {
        return new DeliveryRow(d.id(), d.accountId(), accountName, d.endpointId(), d.url(), d.eventType(),
                d.generationId(), d.status().wireName(), d.attempts(), d.lastStatusCode(), d.lastError(),
                d.nextAttemptAt(), d.createdAt(), d.finishedAt());
    }

    private static AttemptRow row(DeliveryAttempt a) {
        return new AttemptRow(a.number(), a.attemptedAt(), a.statusCode(), a.responseSnippet(), a.error(), a.durationMs());
    }
}
