<?php

declare(strict_types=1);

namespace Reelforge\Tests;

use PHPUnit\Framework\TestCase;
use Reelforge\Exception\WebhookVerificationException;
use Reelforge\Webhook;

/** Webhook::verify beyond S14's real delivery: tolerance, several signatures, header forms. No appliance needed. */
final class WebhookTest extends TestCase
{
    private const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    private const PAYLOAD = '{"type":"video.completed","timestamp":"2026-12-04T19:00:00Z","data":{"generation_id":"g1"}}';

    private static function sign(string $id, int $timestamp, string $payload, string $secret = self::SECRET): string
    {
        $key = base64_decode(substr($secret, 6));
        return 'v1,' . base64_encode(hash_hmac('sha256', "$id.$timestamp.$payload", $key, true));
    }

    public function test_accepts_any_of_several_signatures_and_server_style_headers(): void
    {
        $now = time();
        $other = 'whsec_' . base64_encode(random_bytes(24));
        $signatures = self::sign('msg_1', $now, self::PAYLOAD, $other) . ' ' . self::sign('msg_1', $now, self::PAYLOAD);
        $event = Webhook::verify(self::PAYLOAD, ['Webhook-Id' => 'msg_1', 'Webhook-Timestamp' => (string) $now,
            'Webhook-Signature' => $signatures], self::SECRET);
        self::assertSame('g1', $event->data->generation_id);

        $server = ['HTTP_WEBHOOK_ID' => 'msg_1', 'HTTP_WEBHOOK_TIMESTAMP' => (string) $now,
            'HTTP_WEBHOOK_SIGNATURE' => [self::sign('msg_1', $now, self::PAYLOAD)]];
        self::assertSame('video.completed', Webhook::verify(self::PAYLOAD, $server, self::SECRET)->type);
    }

    public function test_refuses_a_timestamp_over_five_minutes_off_even_when_signed(): void
    {
        foreach ([time() - 301, time() + 301] as $when) {
            $headers = ['webhook-id' => 'msg_1', 'webhook-timestamp' => (string) $when,
                'webhook-signature' => self::sign('msg_1', $when, self::PAYLOAD)];
            try {
                Webhook::verify(self::PAYLOAD, $headers, self::SECRET);
                self::fail('accepted a timestamp 301 s off');
            } catch (WebhookVerificationException $e) {
                self::assertStringContainsString('300 s', $e->getMessage());
            }
        }
    }

    public function test_refuses_a_signature_made_for_another_message_id(): void
    {
        $now = time();
        $this->expectException(WebhookVerificationException::class);
        Webhook::verify(self::PAYLOAD, ['webhook-id' => 'msg_2', 'webhook-timestamp' => (string) $now,
            'webhook-signature' => self::sign('msg_1', $now, self::PAYLOAD)], self::SECRET);
    }

    public function test_refuses_when_a_header_is_missing(): void
    {
        $this->expectException(WebhookVerificationException::class);
        Webhook::verify(self::PAYLOAD, ['webhook-id' => 'msg_1', 'webhook-signature' => 'v1,x'], self::SECRET);
    }
}
