<?php

declare(strict_types=1);

namespace Reelforge\Tests;

use Reelforge\ApiObject;
use Reelforge\Client;
use Reelforge\Exception\ApiException;
use Reelforge\Exception\AuthenticationException;
use Reelforge\Exception\ConnectionException;
use Reelforge\Exception\GenerationFailedException;
use Reelforge\Exception\InsufficientCreditsException;
use Reelforge\Exception\NotFoundException;
use Reelforge\Exception\PermissionDeniedException;
use Reelforge\Exception\RateLimitException;
use Reelforge\Exception\TimeoutException;
use Reelforge\Exception\ValidationException;
use Reelforge\Exception\WebhookVerificationException;
use Reelforge\Generation;
use Reelforge\Image;

/** The scenarios of sdks/contract/SCENARIOS.md, one test each, against the appliance at REELFORGE_BASE_URL. */
final class ContractTest extends ContractCase
{
    public function test_s01_submit_wait_save(): void
    {
        $client = $this->client();
        $job = $this->track($client, $client->video()->generate([
            'prompt' => self::prompt('S01'), 'resolution' => '720p', 'duration' => 5, 'seed' => 42,
        ]));
        self::assertNotEmpty($job->generation_id);
        self::assertContains($job->status, ['queued', 'processing']);
        self::assertIsInt($job->estimated_seconds);

        $result = $client->video()->wait($job->generation_id, timeout: self::WAIT, pollInterval: 0.5);
        self::assertSame('completed', $result->status);
        self::assertSame(90, $result->credits_used);
        self::assertMatchesRegularExpression('#^https?://#', (string) $result->output_url);
        self::assertMatchesRegularExpression('#^https?://#', (string) $result->thumbnail_url);

        $path = $result->save($this->scratch . '/s01.mp4');
        self::assertValidMp4($path, 1280, 720);
        self::assertSame(file_get_contents($path), $result->download());
        self::assertSame('completed', $client->video()->get($job->generation_id)->status);
    }

    public function test_s02_image_to_video_multipart(): void
    {
        $client = $this->client();
        $png = self::png();
        $path = $this->scratch . '/start.png';
        file_put_contents($path, $png);

        // (a) a path
        $job = $this->track($client, $client->video()->generate([
            'prompt' => self::prompt('S02a', 'camera slowly zooms in'), 'image' => $path, 'resolution' => '720p',
        ]));
        $result = $client->video()->wait($job->generation_id, timeout: self::WAIT, pollInterval: 0.5);
        self::assertTrue($result->request->image);
        self::assertValidMp4($result->save($this->scratch . '/s02.mp4'), 1280, 720);

        // (b) bytes, (c) an open stream, (d) an Image made explicitly: each canceled at once
        $stream = fopen($path, 'rb');
        foreach (['S02b' => $png, 'S02c' => $stream, 'S02d' => Image::fromBytes($png, 'start.png')] as $id => $image) {
            $job = $this->track($client, $client->video()->generate([
                'prompt' => self::prompt($id, 'camera slowly zooms in'), 'image' => $image, 'resolution' => '720p',
            ]));
            $client->video()->cancel($job->generation_id);
            self::assertTrue($client->video()->get($job->generation_id)->request->image, $id);
        }
        fclose($stream);
    }

    public function test_s03_quota_of_one_generate_retries_through_429(): void
    {
        $client = $this->client('REELFORGE_QUOTA1_KEY', ['maxRetries' => 8, 'retryDelay' => 0.5]);
        $a = $this->track($client, $client->video()->generate(['prompt' => self::prompt('S03a'), 'resolution' => '720p']));
        $started = microtime(true);
        $b = $this->track($client, $client->video()->generate(['prompt' => self::prompt('S03b'), 'resolution' => '720p']));
        self::assertLessThan(60, microtime(true) - $started);

        $afterA = $client->video()->get($a->generation_id);
        self::assertContains($afterA->status, Generation::TERMINAL);
        self::assertLessThanOrEqual(new \DateTimeImmutable($b->created_at), new \DateTimeImmutable($afterA->completed_at));
        self::assertSame('completed', $client->video()->wait($b->generation_id, timeout: self::WAIT, pollInterval: 0.5)->status);
    }

    public function test_s04_idempotent_retry_after_dropped_connection_charges_once(): void
    {
        $flaky = $this->client(options: ['baseUrl' => self::env('REELFORGE_FLAKY_URL'), 'maxRetries' => 3, 'retryDelay' => 0.5]);
        $direct = $this->client();
        $prompt = self::prompt('S04', 'idempotent ' . bin2hex(random_bytes(8)));
        $dropped = self::droppedByProxy();
        $job = $this->track($direct, $flaky->video()->generate(['prompt' => $prompt, 'resolution' => '720p']));
        self::assertNotEmpty($job->generation_id);
        self::assertSame($dropped + 1, self::droppedByProxy(), 'the proxy should have dropped exactly one answer');

        $debits = array_filter($direct->account()->ledger(['limit' => 100])->toArray(),
            static fn (ApiObject $e) => $e->generation_id === $job->generation_id && $e->kind === 'debit');
        self::assertCount(1, $debits);
        self::assertSame(-90, array_values($debits)[0]->amount);

        $same = array_filter($direct->video()->list(['limit' => 100])->toArray(),
            static fn (Generation $g) => $g->request->prompt === $prompt);
        self::assertCount(1, $same);
        $direct->video()->cancel($job->generation_id);
    }

    public function test_s05_authentication_error(): void
    {
        $key = 'rf_live_' . substr(strtr(base64_encode(random_bytes(48)), '+/', 'ab'), 0, 50);
        try {
            $this->client(options: ['key' => $key])->account()->get();
            self::fail('no AuthenticationException');
        } catch (AuthenticationException $e) {
            self::assertSame(401, $e->status);
            self::assertSame('invalid_api_key', $e->errorCode);
            self::assertStringNotContainsString($key, $e->getMessage());
            self::assertStringNotContainsString($key, (string) $e);
            self::assertStringNotContainsString(substr($key, 8), (string) $e);
        }
    }

    public function test_s06_insufficient_credits(): void
    {
        $client = $this->client('REELFORGE_BROKE_KEY');
        $e = self::thrown(InsufficientCreditsException::class,
            fn () => $client->video()->generate(['prompt' => self::prompt('S06'), 'resolution' => '720p']));
        self::assertSame(402, $e->status);
        self::assertSame('insufficient_credits', $e->errorCode);
    }

    public function test_s07_permission_denied(): void
    {
        $client = $this->client('REELFORGE_RESTRICTED_KEY');
        $e = self::thrown(PermissionDeniedException::class,
            fn () => $client->video()->generate(['prompt' => self::prompt('S07'), 'resolution' => '1080p']));
        self::assertSame(403, $e->status);
        self::assertSame('resolution_not_allowed', $e->errorCode);
        self::assertSame('resolution', $e->param);
    }

    public function test_s08_not_found(): void
    {
        $client = $this->client();
        $e = self::thrown(NotFoundException::class, fn () => $client->video()->get(\Reelforge\Transport::uuid4()));
        self::assertSame(404, $e->status);
        self::assertSame('generation.not_found', $e->errorCode);
    }

    public function test_s09_validation_error_with_param(): void
    {
        $client = $this->client();
        $e = self::thrown(ValidationException::class,
            fn () => $client->video()->generate(['prompt' => self::prompt('S09'), 'resolution' => '4k']));
        self::assertSame(422, $e->status);
        self::assertSame('unsupported_resolution', $e->errorCode);
        self::assertSame('resolution', $e->param);
    }

    public function test_s10_rate_limit_without_retries(): void
    {
        $client = $this->client('REELFORGE_QUOTA1_KEY', ['maxRetries' => 0]);
        $a = $this->track($client, $client->video()->generate(['prompt' => self::prompt('S10a'), 'resolution' => '720p']));
        $e = self::thrown(RateLimitException::class,
            fn () => $client->video()->generate(['prompt' => self::prompt('S10b'), 'resolution' => '720p']));
        self::assertSame(429, $e->status);
        self::assertSame('concurrency_limit_exceeded', $e->errorCode);
        self::assertIsInt($e->retryAfter);
        self::assertGreaterThanOrEqual(1, $e->retryAfter);
        $client->video()->cancel($a->generation_id);
    }

    public function test_s11_connection_error(): void
    {
        $client = $this->client(options: ['baseUrl' => 'http://127.0.0.1:' . self::freePort(), 'maxRetries' => 1, 'retryDelay' => 0.1]);
        $started = microtime(true);
        self::thrown(ConnectionException::class, fn () => $client->account()->get());
        self::assertLessThan(10, microtime(true) - $started);
    }

    public function test_s12_timeout_from_wait(): void
    {
        $client = $this->client();
        $job = $this->track($client, $client->video()->generate(['prompt' => self::prompt('S12'), 'resolution' => '720p']));
        $started = microtime(true);
        self::thrown(TimeoutException::class, fn () => $client->video()->wait($job->generation_id, timeout: 0.5, pollInterval: 0.2));
        self::assertLessThan(5, microtime(true) - $started);
        $client->video()->cancel($job->generation_id);
    }

    public function test_s13_cancel_refunds(): void
    {
        $client = $this->client();
        $b0 = $client->account()->get()->balance;
        $job = $this->track($client, $client->video()->generate(['prompt' => self::prompt('S13'), 'resolution' => '720p']));
        self::assertSame($b0 - 90, $client->account()->get()->balance);

        $canceled = $client->video()->cancel($job->generation_id);
        self::assertSame('canceled', $canceled->status);
        self::assertSame($b0, $client->account()->get()->balance);
        $entries = array_values(array_filter($client->account()->ledger(['limit' => 100])->toArray(),
            static fn (ApiObject $e) => $e->generation_id === $job->generation_id));
        $byKind = [];
        foreach ($entries as $entry) {
            $byKind[$entry->kind][] = $entry->amount;
        }
        ksort($byKind);
        self::assertSame(['debit' => [-90], 'refund' => [90]], $byKind);

        $failed = self::thrown(GenerationFailedException::class, fn () => $client->video()->wait($job->generation_id, timeout: self::WAIT));
        self::assertSame('canceled', $failed->status);
        self::assertSame('canceled', $failed->errorCode);
        self::assertSame($canceled->error_code, $failed->errorCode);
        self::assertSame($canceled->error_message, $failed->errorMessage);

        $again = self::thrown(ApiException::class, fn () => $client->video()->cancel($job->generation_id));
        self::assertSame(409, $again->status);
        self::assertSame('generation.not_cancelable', $again->errorCode);
    }

    public function test_s14_webhooks_verify_real_delivery_refuse_tampered(): void
    {
        $client = $this->client();
        $inbox = $this->scratch . '/inbox';
        mkdir($inbox);
        $port = self::freePort();
        $receiver = proc_open([PHP_BINARY, '-S', "127.0.0.1:$port", __DIR__ . '/receiver.php'],
            [1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes, null, ['RECEIVER_DIR' => $inbox] + getenv());
        $endpoint = null;
        try {
            self::awaitPort($port);
            $endpoint = $client->webhooks()->create("http://127.0.0.1:$port/hook", ['video.completed'], 'S14 php');
            self::assertStringStartsWith('we_', $endpoint->id);
            self::assertStringStartsWith('whsec_', $endpoint->secret);
            $ids = array_map(static fn (ApiObject $w) => $w->id, $client->webhooks()->list()->toArray());
            self::assertContains($endpoint->id, $ids);
            $read = $client->webhooks()->get($endpoint->id);
            self::assertSame($endpoint->id, $read->id);
            self::assertNull($read->secret);

            $job = $this->track($client, $client->video()->generate(['prompt' => self::prompt('S14'), 'resolution' => '720p']));
            $client->video()->wait($job->generation_id, timeout: self::WAIT, pollInterval: 0.5);
            $delivery = self::awaitDelivery($inbox, $job->generation_id, 30);
            $body = base64_decode($delivery['body']);
            $headers = $delivery['headers'];

            $event = $client->webhooks()->verify($body, $headers, $endpoint->secret);
            self::assertSame('video.completed', $event->type);
            self::assertSame($job->generation_id, $event->data->generation_id);

            $at = strpos($body, $job->generation_id);
            $tampered = substr_replace($body, $body[$at] === 'a' ? 'b' : 'a', $at, 1);
            self::thrown(WebhookVerificationException::class, fn () => $client->webhooks()->verify($tampered, $headers, $endpoint->secret));
            $forged = $headers;
            foreach ($forged as $name => $value) {
                if (strtolower($name) === 'webhook-signature') {
                    $forged[$name] = 'v1,' . base64_encode(random_bytes(32));
                }
            }
            self::thrown(WebhookVerificationException::class, fn () => $client->webhooks()->verify($body, $forged, $endpoint->secret));
            $other = 'whsec_' . base64_encode(random_bytes(24));
            self::thrown(WebhookVerificationException::class, fn () => $client->webhooks()->verify($body, $headers, $other));

            $client->webhooks()->delete($endpoint->id);
            $gone = $endpoint->id;
            $endpoint = null;
            self::thrown(NotFoundException::class, fn () => $client->webhooks()->get($gone));
        } finally {
            if ($endpoint !== null) {
                try {
                    $client->webhooks()->delete($endpoint->id);
                } catch (\Throwable) {
                }
            }
            proc_terminate($receiver);
            proc_close($receiver);
        }
    }

    public function test_s14b_webhooks_verify_published_vector(): void
    {
        $secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
        $payload = '{"test": 2432232314}';
        $signature = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=';
        $headers = static fn (string $signatures) => ['webhook-id' => 'msg_p5jXN8AQM9LWM0D4loKWxJek',
            'webhook-timestamp' => '1614265330', 'webhook-signature' => $signatures];
        $webhooks = $this->client()->webhooks();
        $at = 1614265330;

        self::assertSame(2432232314, $webhooks->verify($payload, $headers($signature), $secret, now: $at)->test);
        $second = 'v1,' . base64_encode(str_repeat("\0", 32)) . ' ' . $signature;
        self::assertSame(2432232314, $webhooks->verify($payload, $headers($second), $secret, now: $at)['test']);
        foreach ([$at + 301, $at - 301] as $now) {
            self::thrown(WebhookVerificationException::class, fn () => $webhooks->verify($payload, $headers($signature), $secret, now: $now));
        }
    }

    public function test_s15_list_auto_pagination(): void
    {
        $client = $this->client();
        $ids = [];
        foreach (['S15a', 'S15b', 'S15c'] as $id) {
            $job = $this->track($client, $client->video()->generate(['prompt' => self::prompt($id), 'resolution' => '720p']));
            $client->video()->cancel($job->generation_id);
            $ids[] = $job->generation_id;
        }
        $seen = [];
        $created = [];
        foreach ($client->video()->list(['status' => 'canceled', 'limit' => 2]) as $generation) {
            self::assertSame('canceled', $generation->status);
            $seen[] = $generation->generation_id;
            $created[] = new \DateTimeImmutable($generation->created_at);
        }
        self::assertGreaterThan(2, count($seen));
        self::assertSame($seen, array_values(array_unique($seen)));
        foreach ($ids as $id) {
            self::assertContains($id, $seen);
        }
        for ($i = 1; $i < count($created); $i++) {
            self::assertLessThanOrEqual($created[$i - 1], $created[$i]);
        }
    }

    public function test_s16_account_and_ledger(): void
    {
        $client = $this->client();
        $account = $client->account()->get();
        self::assertSame('starter', $account->plan->id);
        self::assertIsInt($account->balance);
        self::assertSame(5, $account->limits->max_concurrent_jobs);
        $sum = 0;
        $count = 0;
        foreach ($client->account()->ledger(['limit' => 2]) as $entry) {
            self::assertContains($entry->kind, ['grant', 'debit', 'refund', 'adjustment']);
            self::assertIsInt($entry->amount);
            $sum += $entry->amount;
            $count++;
        }
        self::assertGreaterThan(0, $count);
        self::assertSame($client->account()->get()->balance, $sum);
    }

    public function test_s17_reference_snippet(): void
    {
        $sdk = dirname(__DIR__);
        $snippet = (string) file_get_contents($sdk . '/examples/reference.php');
        $readme = (string) file_get_contents($sdk . '/README.md');
        foreach (explode("\n", $snippet) as $line) {
            if (trim($line) !== '') {
                self::assertStringContainsString($line, $readme, 'README.md lacks a line of examples/reference.php');
            }
        }
        $dir = $this->scratch . '/run';
        mkdir($dir);
        symlink(self::env('REELFORGE_PHP_VENDOR'), $dir . '/vendor'); // the throwaway project's installed package
        copy($sdk . '/examples/reference.php', $dir . '/reference.php');
        [$code, $out, $err] = self::runCommand([PHP_BINARY, 'reference.php'], $dir, 180);
        self::assertSame(0, $code, "the snippet failed:\n$out\n$err");
        self::assertValidMp4($dir . '/output.mp4', 1920, 1080);
    }

    /**
     * @template T of \Throwable
     * @param class-string<T> $class
     * @return T
     */
    private static function thrown(string $class, callable $call): \Throwable
    {
        try {
            $call();
        } catch (\Throwable $e) {
            self::assertInstanceOf($class, $e, (string) $e);
            return $e;
        }
        self::fail("no $class thrown");
    }

    /** How many answers the drop-once proxy has dropped so far (its GET /__flaky/stats). */
    private static function droppedByProxy(): int
    {
        $stats = json_decode((string) @file_get_contents(rtrim(self::env('REELFORGE_FLAKY_URL'), '/') . '/__flaky/stats'), true);
        self::assertIsArray($stats, 'the drop-once proxy at REELFORGE_FLAKY_URL answers no /__flaky/stats');
        return (int) $stats['dropped'];
    }

    private static function awaitPort(int $port): void
    {
        $deadline = microtime(true) + 10;
        while (microtime(true) < $deadline) {
            $socket = @fsockopen('127.0.0.1', $port, $errno, $error, 0.2);
            if ($socket !== false) {
                fclose($socket);
                return;
            }
            usleep(100_000);
        }
        self::fail("the webhook receiver did not listen on $port");
    }

    private static function awaitDelivery(string $inbox, string $generationId, int $seconds): array
    {
        $deadline = microtime(true) + $seconds;
        do {
            foreach (glob($inbox . '/*.json') ?: [] as $file) {
                $record = json_decode((string) file_get_contents($file), true);
                $event = json_decode(base64_decode($record['body'] ?? ''), true);
                if (($event['data']['generation_id'] ?? null) === $generationId) {
                    return $record;
                }
            }
            usleep(200_000);
        } while (microtime(true) < $deadline);
        self::fail("no webhook delivery for $generationId within $seconds s");
    }
}
