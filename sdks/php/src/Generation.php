<?php

declare(strict_types=1);

namespace Reelforge;

use Reelforge\Resources\Video;

/**
 * A generation (a video job) as GET /v1/video/{id} describes it.
 *
 * save() and download() wait for the job to complete first, so the value of generate() can be saved directly.
 *
 * @property-read string      $generation_id
 * @property-read string      $status          queued, processing, completed, failed, canceled or expired
 * @property-read int|null    $queue_position
 * @property-read int|null    $estimated_seconds
 * @property-read float|null  $progress
 * @property-read int|null    $credits_used
 * @property-read int|null    $processing_ms
 * @property-read string|null $output_url
 * @property-read string|null $thumbnail_url
 * @property-read string|null $error_code
 * @property-read string|null $error_message
 * @property-read string|null $created_at
 * @property-read string|null $started_at
 * @property-read string|null $completed_at
 * @property-read string|null $expires_at
 * @property-read ApiObject   $request         what was asked: prompt, resolution, seed, image, width, height, ...
 */
final class Generation extends ApiObject
{
    public const TERMINAL = ['completed', 'failed', 'canceled', 'expired'];

    public function __construct(array $values, private readonly Video $video)
    {
        parent::__construct($values);
    }

    public function isDone(): bool
    {
        return in_array($this->values['status'] ?? null, self::TERMINAL, true);
    }

    public function isCompleted(): bool
    {
        return ($this->values['status'] ?? null) === 'completed';
    }

    /** This generation once it has ended; throws GenerationFailedException unless it completed. */
    public function wait(float $timeout = Video::DEFAULT_WAIT_TIMEOUT, float $pollInterval = Video::DEFAULT_POLL_INTERVAL): self
    {
        return $this->isCompleted() ? $this : $this->video->wait($this->generation_id, $timeout, $pollInterval);
    }

    /** The MP4 as bytes (waits for completion first). */
    public function download(): string
    {
        return $this->video->transport()->download($this->completedOutputUrl());
    }

    /** Writes the MP4 to $path (waits for completion first) and returns the path. */
    public function save(string $path): string
    {
        return $this->video->transport()->download($this->completedOutputUrl(), $path);
    }

    /** The JPEG poster frame as bytes (waits for completion first). */
    public function downloadThumbnail(): string
    {
        $done = $this->wait();
        return $this->video->transport()->download((string) $done->thumbnail_url);
    }

    private function completedOutputUrl(): string
    {
        return (string) $this->wait()->output_url;
    }
}
