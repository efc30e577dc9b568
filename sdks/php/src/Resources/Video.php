<?php

declare(strict_types=1);

namespace Reelforge\Resources;

use Reelforge\Exception\GenerationFailedException;
use Reelforge\Exception\TimeoutException;
use Reelforge\Generation;
use Reelforge\Image;
use Reelforge\Paginator;
use Reelforge\Transport;

/** /v1/video: submit, read, wait for, cancel and list generations. */
final class Video
{
    public const DEFAULT_WAIT_TIMEOUT = 600.0;
    public const DEFAULT_POLL_INTERVAL = 2.0;
    /** The longest Prefer: wait the appliance honours. */
    private const LONG_POLL_MAX = 60;

    public function __construct(private readonly Transport $transport)
    {
    }

    /**
     * Submits a job and returns it at once (queued). Fields: prompt (required), resolution, duration, image,
     * camera_fixed, aspect_ratio, seed, negative_prompt, webhook_url. With an image (a file path, the file's
     * bytes, an open stream or an {@see Image}) the request goes as multipart/form-data.
     *
     * @param array<string,mixed> $params
     * @param array{idempotency_key?: string} $options
     */
    public function generate(array $params, array $options = []): Generation
    {
        $params = array_filter($params, static fn ($v) => $v !== null);
        $request = $options;
        if (isset($params['image'])) {
            $multipart = [];
            foreach ($params as $name => $value) {
                $multipart[$name] = match (true) {
                    $name === 'image' => Image::from($value)->toCurlFile(),
                    is_bool($value) => $value ? 'true' : 'false',
                    is_array($value) => json_encode($value, JSON_THROW_ON_ERROR),
                    default => (string) $value,
                };
            }
            $request['multipart'] = $multipart;
        } else {
            $request['json'] = $params;
        }
        return $this->wrap($this->transport->requestJson('POST', '/v1/video/generate', $request));
    }

    public function get(string $id): Generation
    {
        return $this->wrap($this->transport->requestJson('GET', '/v1/video/' . rawurlencode($id)));
    }

    /**
     * Blocks until the generation ends (long-polling with Prefer: wait) and returns it completed.
     *
     * @throws GenerationFailedException when it ended failed, canceled or expired
     * @throws TimeoutException when it has not ended after $timeout seconds
     */
    public function wait(string $id, float $timeout = self::DEFAULT_WAIT_TIMEOUT, float $pollInterval = self::DEFAULT_POLL_INTERVAL): Generation
    {
        $deadline = microtime(true) + $timeout;
        $path = '/v1/video/' . rawurlencode($id);
        while (true) {
            $remaining = $deadline - microtime(true);
            $hold = (int) min(self::LONG_POLL_MAX, floor($remaining));
            $options = $hold >= 1
                ? ['headers' => ['Prefer' => 'wait=' . $hold], 'timeout' => $hold + 15.0]
                : ['timeout' => max(1.0, $remaining + 5.0)];
            $response = $this->transport->request('GET', $path, $options);
            $generation = $this->wrap(json_decode($response->body, true, 512, JSON_THROW_ON_ERROR));
            if ($generation->isDone()) {
                if (!$generation->isCompleted()) {
                    throw new GenerationFailedException($generation);
                }
                return $generation;
            }
            $remaining = $deadline - microtime(true);
            if ($remaining <= 0) {
                throw new TimeoutException(sprintf('generation %s is still %s after %.1f s', $id, $generation->status, $timeout));
            }
            if (!isset($response->headers['preference-applied'])) {
                usleep((int) (min($pollInterval, $remaining) * 1_000_000));
            }
        }
    }

    /** Cancels a queued or processing job (refunded) and returns it canceled; a finished one is a ConflictException. */
    public function cancel(string $id): Generation
    {
        return $this->wrap($this->transport->requestJson('POST', '/v1/video/' . rawurlencode($id) . '/cancel'));
    }

    /**
     * Every generation of the account, newest first, fetching page after page as it is iterated.
     *
     * @param array{status?: string, limit?: int, cursor?: string} $params
     * @return Paginator<Generation>
     */
    public function list(array $params = []): Paginator
    {
        return new Paginator($this->transport, '/v1/video', $params, fn (array $item) => $this->wrap($item));
    }

    /** @internal */
    public function transport(): Transport
    {
        return $this->transport;
    }

    private function wrap(?array $values): Generation
    {
        return new Generation($values ?? [], $this);
    }
}
