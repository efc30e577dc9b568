<?php

declare(strict_types=1);

namespace Reelforge\Resources;

use Reelforge\ApiObject;
use Reelforge\Paginator;
use Reelforge\Transport;
use Reelforge\Webhook;

/** /v1/webhooks: account endpoints, the per-job signing key, deliveries, and verify(). */
final class Webhooks
{
    public function __construct(private readonly Transport $transport)
    {
    }

    /**
     * Creates an endpoint; the answer carries its secret (whsec_...), shown this once.
     *
     * @param list<string>|null $events e.g. ["video.completed"]; null or [] for every event
     */
    public function create(string $url, ?array $events = null, ?string $description = null): ApiObject
    {
        $body = array_filter(['url' => $url, 'events' => $events, 'description' => $description], static fn ($v) => $v !== null);
        return $this->object('POST', '/v1/webhooks', ['json' => $body]);
    }

    /** @return Paginator<ApiObject> the account's endpoints, without secrets */
    public function list(): Paginator
    {
        return new Paginator($this->transport, '/v1/webhooks', [], static fn (array $item) => new ApiObject($item));
    }

    public function get(string $id): ApiObject
    {
        return $this->object('GET', '/v1/webhooks/' . rawurlencode($id));
    }

    public function delete(string $id): void
    {
        $this->transport->request('DELETE', '/v1/webhooks/' . rawurlencode($id));
    }

    /** A new secret; the old one keeps signing until previous_secret_valid_until. */
    public function rotateSecret(string $id): ApiObject
    {
        return $this->object('POST', '/v1/webhooks/' . rawurlencode($id) . '/rotate-secret');
    }

    /** Turns on an endpoint that answered 410 and was disabled. */
    public function enable(string $id): ApiObject
    {
        return $this->object('POST', '/v1/webhooks/' . rawurlencode($id) . '/enable');
    }

    /** Creates or rotates the account's key that signs per-job webhook_url deliveries (shown this once). */
    public function signingKey(): ApiObject
    {
        return $this->object('POST', '/v1/webhooks/signing-key');
    }

    /**
     * Deliveries, newest first: of one endpoint, or of the whole account (per-job URLs included).
     *
     * @param array{status?: string, limit?: int} $params
     * @return Paginator<ApiObject>
     */
    public function deliveries(?string $endpointId = null, array $params = []): Paginator
    {
        $path = $endpointId === null ? '/v1/webhooks/deliveries' : '/v1/webhooks/' . rawurlencode($endpointId) . '/deliveries';
        return new Paginator($this->transport, $path, $params, static fn (array $item) => new ApiObject($item));
    }

    public function delivery(string $id): ApiObject
    {
        return $this->object('GET', '/v1/webhooks/deliveries/' . rawurlencode($id));
    }

    /** Sends the same message again (same webhook-id and body). */
    public function redeliver(string $deliveryId): ApiObject
    {
        return $this->object('POST', '/v1/webhooks/deliveries/' . rawurlencode($deliveryId) . '/redeliver');
    }

    /**
     * Checks a delivery's Standard Webhooks signature and returns the event; see {@see Webhook::verify()}.
     *
     * @param array<string,string|list<string>> $headers
     */
    public function verify(string $payload, array $headers, string $secret, int $tolerance = Webhook::TOLERANCE, ?int $now = null): ApiObject
    {
        return Webhook::verify($payload, $headers, $secret, $tolerance, $now);
    }

    private function object(string $method, string $path, array $options = []): ApiObject
    {
        return new ApiObject($this->transport->requestJson($method, $path, $options) ?? []);
    }
}
