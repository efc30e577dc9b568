<?php

declare(strict_types=1);

namespace Reelforge\Exception;

/**
 * The appliance answered with an error: {"error": {"type", "code", "message", "param"}}.
 * Subclasses name the common statuses; any other 4xx (409, 410, 413, 415, ...) is thrown as this class.
 */
class ApiException extends ReelforgeException
{
    public function __construct(
        string $message,
        public readonly int $status,
        public readonly ?string $errorCode = null,
        public readonly ?string $type = null,
        public readonly ?string $param = null,
        public readonly ?string $requestId = null,
    ) {
        parent::__construct($message, $status);
    }

    /** Builds the exception that fits the answer's status from its headers (lower-case names) and body. */
    public static function fromResponse(int $status, array $headers, string $body): self
    {
        $decoded = json_decode($body, true);
        $error = is_array($decoded) && isset($decoded['error']) && is_array($decoded['error']) ? $decoded['error'] : [];
        $code = isset($error['code']) ? (string) $error['code'] : null;
        $type = isset($error['type']) ? (string) $error['type'] : null;
        $param = isset($error['param']) ? (string) $error['param'] : null;
        $text = isset($error['message']) ? (string) $error['message'] : sprintf('HTTP %d', $status);
        $requestId = $headers['x-request-id'] ?? null;
        $message = sprintf('%d %s: %s', $status, $code ?? 'error', $text);

        return match (true) {
            $status === 400, $status === 422 => new ValidationException($message, $status, $code, $type, $param, $requestId),
            $status === 401 => new AuthenticationException($message, $status, $code, $type, $param, $requestId),
            $status === 402 => new InsufficientCreditsException($message, $status, $code, $type, $param, $requestId),
            $status === 403 => new PermissionDeniedException($message, $status, $code, $type, $param, $requestId),
            $status === 404 => new NotFoundException($message, $status, $code, $type, $param, $requestId),
            $status === 409 => new ConflictException($message, $status, $code, $type, $param, $requestId),
            $status === 429 => new RateLimitException($message, $status, $code, $type, $param, $requestId,
                self::retryAfter($headers['retry-after'] ?? null)),
            $status >= 500 => new ServerException($message, $status, $code, $type, $param, $requestId),
            default => new self($message, $status, $code, $type, $param, $requestId),
        };
    }

    /** Seconds from a Retry-After value (delta-seconds or an HTTP date), or null. */
    public static function retryAfter(?string $value): ?int
    {
        if ($value === null || trim($value) === '') {
            return null;
        }
        $value = trim($value);
        if (ctype_digit($value)) {
            return (int) $value;
        }
        $when = strtotime($value);
        return $when === false ? null : max(0, $when - time());
    }
}
