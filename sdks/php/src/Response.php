<?php

declare(strict_types=1);

namespace Reelforge;

/** One HTTP answer: status, headers by lower-case name, body. @internal */
final class Response
{
    /** @param array<string,string> $headers */
    public function __construct(
        public readonly int $status,
        public readonly array $headers,
        public readonly string $body,
    ) {
    }
}
