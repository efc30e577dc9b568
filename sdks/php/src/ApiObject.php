<?php

declare(strict_types=1);

namespace Reelforge;

/**
 * An object of the API, read as properties ($account->balance, $account->plan->id) or as an array
 * ($account['plan']['id']). Nested objects are ApiObjects too; lists are PHP arrays.
 */
class ApiObject implements \ArrayAccess, \JsonSerializable
{
    /** @var array<string,mixed> */
    protected array $values;

    public function __construct(array $values)
    {
        $this->values = $values;
    }

    public function __get(string $name): mixed
    {
        return self::wrap($this->values[$name] ?? null);
    }

    public function __isset(string $name): bool
    {
        return isset($this->values[$name]);
    }

    public function offsetExists(mixed $offset): bool
    {
        return isset($this->values[$offset]);
    }

    public function offsetGet(mixed $offset): mixed
    {
        return $this->__get((string) $offset);
    }

    public function offsetSet(mixed $offset, mixed $value): void
    {
        throw new \LogicException('API objects are read-only');
    }

    public function offsetUnset(mixed $offset): void
    {
        throw new \LogicException('API objects are read-only');
    }

    /** The object as the API sent it (nested arrays, not ApiObjects). */
    public function toArray(): array
    {
        return $this->values;
    }

    public function jsonSerialize(): array
    {
        return $this->values;
    }

    private static function wrap(mixed $value): mixed
    {
        if (!is_array($value)) {
            return $value;
        }
        if ($value !== [] && !array_is_list($value)) {
            return new self($value);
        }
        return array_map(static fn ($item) => self::wrap($item), $value);
    }
}
