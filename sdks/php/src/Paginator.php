<?php

declare(strict_types=1);

namespace Reelforge;

/**
 * Every item of a cursor-paged list ({"data", "has_more", "next_cursor"}): iterating fetches the next page
 * when the current one is used up. Each foreach starts again from the first page.
 *
 * @template T
 * @implements \IteratorAggregate<int, T>
 */
final class Paginator implements \IteratorAggregate
{
    /** @param \Closure(array): T $wrap */
    public function __construct(
        private readonly Transport $transport,
        private readonly string $path,
        private readonly array $query,
        private readonly \Closure $wrap,
    ) {
    }

    public function getIterator(): \Generator
    {
        $query = $this->query;
        do {
            $page = $this->transport->requestJson('GET', $this->path, ['query' => $query]) ?? [];
            foreach ($page['data'] ?? [] as $item) {
                yield ($this->wrap)($item);
            }
            $cursor = $page['next_cursor'] ?? null;
            $query['cursor'] = $cursor;
        } while (($page['has_more'] ?? false) && $cursor !== null);
    }

    /** @return list<T> every item of every page */
    public function toArray(): array
    {
        return iterator_to_array($this->getIterator(), false);
    }
}
