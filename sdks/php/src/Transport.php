<?php

declare(strict_types=1);

namespace Reelforge;

use Reelforge\Exception\ApiException;
use Reelforge\Exception\ConnectionException;
use Reelforge\Exception\ReelforgeException;
use Reelforge\Exception\TimeoutException;

/**
 * HTTP over ext-curl: the key, User-Agent, Idempotency-Key, retries with backoff and typed errors live here,
 * once, for every resource.
 *
 * @internal
 */
final class Transport
{
    private const MAX_DELAY = 60.0;

    public function __construct(
        #[\SensitiveParameter] private readonly string $apiKey,
        public readonly string $baseUrl,
        private readonly int $maxRetries,
        private readonly float $retryDelay,
        private readonly float $timeout,
    ) {
    }

    /** Keeps the key out of var_dump() and print_r(). */
    public function __debugInfo(): array
    {
        return ['baseUrl' => $this->baseUrl, 'maxRetries' => $this->maxRetries, 'retryDelay' => $this->retryDelay];
    }

    /**
     * A call to the API (path under the base URL, e.g. "/v1/account") answered with JSON.
     *
     * @param array{query?: array, json?: array, multipart?: array, headers?: array<string,string>,
     *              timeout?: float, idempotency_key?: string} $options
     */
    public function requestJson(string $method, string $path, array $options = []): ?array
    {
        $response = $this->request($method, $path, $options);
        if ($response->body === '') {
            return null;
        }
        $decoded = json_decode($response->body, true);
        if (!is_array($decoded)) {
            throw new ReelforgeException(sprintf('%s %s answered %d with a body that is not JSON', $method, $path, $response->status));
        }
        return $decoded;
    }

    public function request(string $method, string $path, array $options = []): Response
    {
        $url = $this->baseUrl . $path;
        if (!empty($options['query'])) {
            $url .= '?' . http_build_query(array_filter($options['query'], static fn ($v) => $v !== null), '', '&', PHP_QUERY_RFC3986);
        }
        $headers = ['Authorization' => 'Bearer ' . $this->apiKey, 'Accept' => 'application/json'] + ($options['headers'] ?? []);
        if ($method === 'POST') {
            // made once per logical call and sent again with every retry, so a retry never creates or charges twice
            $headers['Idempotency-Key'] = $options['idempotency_key'] ?? self::uuid4();
        }
        $body = null;
        if (isset($options['multipart'])) {
            $body = $options['multipart'];
        } elseif (array_key_exists('json', $options)) {
            $headers['Content-Type'] = 'application/json';
            $body = json_encode($options['json'] ?? new \stdClass(), JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES);
        } elseif ($method === 'POST') {
            $body = '';
        }
        return $this->withRetries(fn () => $this->once($method, $url, $headers, $body, $options['timeout'] ?? $this->timeout));
    }

    /**
     * GETs a file URL (the signed output_url / thumbnail_url: no key is sent with it) into memory, or into $path.
     */
    public function download(string $url, ?string $path = null): string
    {
        $headers = ['Accept' => '*/*'];
        if ($path === null) {
            return $this->withRetries(fn () => $this->once('GET', $url, $headers, null, $this->timeout))->body;
        }
        $this->withRetries(function () use ($url, $headers, $path) {
            $part = $path . '.part';
            $sink = @fopen($part, 'wb');
            if ($sink === false) {
                throw new ReelforgeException(sprintf('cannot write %s', $part));
            }
            try {
                $response = $this->once('GET', $url, $headers, null, $this->timeout, $sink);
            } catch (ReelforgeException $e) {
                fclose($sink);
                @unlink($part);
                throw $e;
            }
            fclose($sink);
            if ($response->status >= 400) {
                $response = new Response($response->status, $response->headers, (string) file_get_contents($part));
                @unlink($part);
                return $response;
            }
            if (!rename($part, $path)) {
                @unlink($part);
                throw new ReelforgeException(sprintf('cannot write %s', $path));
            }
            return $response;
        });
        return $path;
    }

    /** Runs one attempt after another: 429 and 503 answers and connection errors are retried. */
    private function withRetries(callable $attempt): Response
    {
        for ($retry = 0; ; $retry++) {
            try {
                $response = $attempt();
            } catch (ConnectionException $e) {
                if ($retry >= $this->maxRetries) {
                    throw $e;
                }
                $this->pause($this->backoff($retry));
                continue;
            }
            if ($response->status < 400) {
                return $response;
            }
            if (($response->status === 429 || $response->status === 503) && $retry < $this->maxRetries) {
                // never sooner than Retry-After asks, and never sooner than the backoff: an estimate that has run
                // out (Retry-After: 1 while the job overruns) must not burn every retry in a few seconds
                $retryAfter = (float) (ApiException::retryAfter($response->headers['retry-after'] ?? null) ?? 0);
                $this->pause(max(min($retryAfter, self::MAX_DELAY), $this->backoff($retry)));
                continue;
            }
            throw ApiException::fromResponse($response->status, $response->headers, $response->body);
        }
    }

    private function backoff(int $retry): float
    {
        return min($this->retryDelay * (2 ** $retry), self::MAX_DELAY);
    }

    private function pause(float $seconds): void
    {
        if ($seconds > 0) {
            usleep((int) round($seconds * 1_000_000));
        }
    }

    /** @param resource|null $sink */
    private function once(string $method, string $url, array $headers, string|array|null $body, float $timeout, $sink = null): Response
    {
        $handle = curl_init($url);
        $lines = ['User-Agent: reelforge-php/' . Client::VERSION, 'Expect:'];
        foreach ($headers as $name => $value) {
            $lines[] = $name . ': ' . $value;
        }
        $received = [];
        curl_setopt_array($handle, [
            CURLOPT_CUSTOMREQUEST => $method,
            CURLOPT_HTTPHEADER => $lines,
            CURLOPT_CONNECTTIMEOUT_MS => (int) (min($timeout, 10.0) * 1000),
            CURLOPT_TIMEOUT_MS => (int) ($timeout * 1000),
            CURLOPT_FOLLOWLOCATION => false,
            CURLOPT_PROTOCOLS => CURLPROTO_HTTP | CURLPROTO_HTTPS,
            CURLOPT_HEADERFUNCTION => static function ($h, string $line) use (&$received): int {
                $parts = explode(':', $line, 2);
                if (count($parts) === 2) {
                    $received[strtolower(trim($parts[0]))] = trim($parts[1]);
                } elseif (str_starts_with($line, 'HTTP/')) {
                    $received = []; // a new status line (after a 100 Continue): forget the earlier headers
                }
                return strlen($line);
            },
        ]);
        if ($sink !== null) {
            curl_setopt($handle, CURLOPT_FILE, $sink);
        } else {
            curl_setopt($handle, CURLOPT_RETURNTRANSFER, true);
        }
        if ($body !== null) {
            curl_setopt($handle, CURLOPT_POSTFIELDS, $body);
        }
        $result = curl_exec($handle);
        $errno = curl_errno($handle);
        $status = (int) curl_getinfo($handle, CURLINFO_RESPONSE_CODE);
        $error = curl_error($handle);
        curl_close($handle);
        $where = self::withoutQuery($url);
        if ($errno === CURLE_OPERATION_TIMEDOUT) {
            throw new TimeoutException(sprintf('%s %s timed out after %.1f s', $method, $where, $timeout));
        }
        if ($errno !== 0) {
            throw new ConnectionException(sprintf('%s %s failed: %s', $method, $where, self::withoutQuery($error)));
        }
        return new Response($status, $received, $sink === null ? (string) $result : '');
    }

    /** Signed file URLs carry their signature in the query: never put it in a message. */
    private static function withoutQuery(string $text): string
    {
        return (string) preg_replace('/\?[^\s]*/', '', $text);
    }

    public static function uuid4(): string
    {
        $bytes = random_bytes(16);
        $bytes[6] = chr((ord($bytes[6]) & 0x0f) | 0x40);
        $bytes[8] = chr((ord($bytes[8]) & 0x3f) | 0x80);
        return vsprintf('%s%s-%s-%s-%s-%s%s%s', str_split(bin2hex($bytes), 4));
    }
}
