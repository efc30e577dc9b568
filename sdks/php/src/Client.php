<?php

declare(strict_types=1);

namespace Reelforge;

use Reelforge\Exception\ReelforgeException;
use Reelforge\Resources\Account;
use Reelforge\Resources\Video;
use Reelforge\Resources\Webhooks;

/**
 * The Reelforge API client.
 *
 *     $client = new Client(getenv("REELFORGE_API_KEY"));
 *     $job = $client->video()->generate(["prompt" => "...", "resolution" => "1080p", "duration" => 5]);
 *     $client->video()->wait($job->generation_id)->save("output.mp4");
 *
 * The key comes from $apiKey or REELFORGE_API_KEY, the base URL (the appliance's host root) from $baseUrl or
 * REELFORGE_BASE_URL, else http://localhost:8080. 429 and 503 answers and connection errors are retried up to
 * $maxRetries times, after $retryDelay seconds doubling up to 60, or after the answer's Retry-After when that is longer.
 */
final class Client
{
    public const VERSION = '0.1.0';
    public const DEFAULT_BASE_URL = 'http://localhost:8080';

    private readonly Transport $transport;
    private readonly Video $video;
    private readonly Account $account;
    private readonly Webhooks $webhooks;

    public function __construct(
        #[\SensitiveParameter] string|false|null $apiKey = null,
        ?string $baseUrl = null,
        int $maxRetries = 4,
        float $retryDelay = 5.0,
        float $timeout = 60.0,
    ) {
        $key = self::setting($apiKey, 'REELFORGE_API_KEY');
        if ($key === null) {
            throw new ReelforgeException('No API key: pass one to new Client() or set REELFORGE_API_KEY');
        }
        if ($maxRetries < 0 || $retryDelay < 0 || $timeout <= 0) {
            throw new \InvalidArgumentException('maxRetries and retryDelay must be >= 0, timeout > 0');
        }
        $base = rtrim(self::setting($baseUrl, 'REELFORGE_BASE_URL') ?? self::DEFAULT_BASE_URL, '/');
        $this->transport = new Transport($key, $base, $maxRetries, $retryDelay, $timeout);
        $this->video = new Video($this->transport);
        $this->account = new Account($this->transport);
        $this->webhooks = new Webhooks($this->transport);
    }

    public function video(): Video
    {
        return $this->video;
    }

    public function account(): Account
    {
        return $this->account;
    }

    public function webhooks(): Webhooks
    {
        return $this->webhooks;
    }

    public function baseUrl(): string
    {
        return $this->transport->baseUrl;
    }

    /** Keeps the key out of var_dump() and print_r(). */
    public function __debugInfo(): array
    {
        return ['baseUrl' => $this->transport->baseUrl, 'version' => self::VERSION];
    }

    private static function setting(string|false|null $given, string $env): ?string
    {
        if (is_string($given) && $given !== '') {
            return $given;
        }
        $value = getenv($env);
        return is_string($value) && $value !== '' ? $value : null;
    }
}
