<?php

declare(strict_types=1);

namespace Reelforge;

use Reelforge\Exception\WebhookVerificationException;

/** Standard Webhooks verification, usable without a client (no key is needed to verify). */
final class Webhook
{
    /** Seconds a delivery's timestamp may be off from now. */
    public const TOLERANCE = 300;

    /**
     * Verifies the raw body of a delivery against its webhook-id, webhook-timestamp and webhook-signature headers
     * and returns the parsed event ({type, timestamp, data}).
     *
     * @param string $payload the raw request body, before any JSON parsing
     * @param array<string,string|list<string>> $headers header name => value, any case; $_SERVER's HTTP_WEBHOOK_ID
     *                                                    form works too
     * @param string $secret the endpoint's secret, "whsec_<base64>"
     * @param int|null $now the Unix time to check the timestamp against (default: the clock)
     * @throws WebhookVerificationException
     */
    public static function verify(string $payload, array $headers, string $secret, int $tolerance = self::TOLERANCE, ?int $now = null): ApiObject
    {
        $normal = [];
        foreach ($headers as $name => $value) {
            $key = strtolower(str_replace('_', '-', (string) $name));
            $key = str_starts_with($key, 'http-') ? substr($key, 5) : $key;
            $normal[$key] = is_array($value) ? implode(' ', $value) : (string) $value;
        }
        $id = $normal['webhook-id'] ?? null;
        $timestamp = $normal['webhook-timestamp'] ?? null;
        $signatures = $normal['webhook-signature'] ?? null;
        if ($id === null || $timestamp === null || $signatures === null) {
            throw new WebhookVerificationException('missing webhook-id, webhook-timestamp or webhook-signature header');
        }
        if (!ctype_digit($timestamp)) {
            throw new WebhookVerificationException('webhook-timestamp is not a number of seconds');
        }
        if (abs(($now ?? time()) - (int) $timestamp) > $tolerance) {
            throw new WebhookVerificationException(sprintf('webhook-timestamp is more than %d s away from now', $tolerance));
        }
        $key = base64_decode(str_starts_with($secret, 'whsec_') ? substr($secret, 6) : $secret, true);
        if ($key === false || $key === '') {
            throw new WebhookVerificationException('the secret is not a whsec_ base64 secret');
        }
        $expected = base64_encode(hash_hmac('sha256', $id . '.' . $timestamp . '.' . $payload, $key, true));
        foreach (preg_split('/\s+/', trim($signatures)) ?: [] as $signature) {
            [$version, $value] = array_pad(explode(',', $signature, 2), 2, '');
            if ($version === 'v1' && hash_equals($expected, $value)) {
                $event = json_decode($payload, true);
                if (!is_array($event)) {
                    throw new WebhookVerificationException('the payload is not a JSON object');
                }
                return new ApiObject($event);
            }
        }
        throw new WebhookVerificationException('no webhook-signature matches the payload');
    }
}
