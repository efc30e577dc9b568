<?php

declare(strict_types=1);

namespace Reelforge\Exception;

/** 429: too many jobs in flight, the daily clip cap, or the request rate; $retryAfter is the Retry-After in seconds. */
class RateLimitException extends ApiException
{
    public function __construct(
        string $message,
        int $status,
        ?string $errorCode = null,
        ?string $type = null,
        ?string $param = null,
        ?string $requestId = null,
        public readonly ?int $retryAfter = null,
    ) {
        parent::__construct($message, $status, $errorCode, $type, $param, $requestId);
    }
}
