<?php

declare(strict_types=1);

namespace Reelforge\Resources;

use Reelforge\ApiObject;
use Reelforge\Paginator;
use Reelforge\Transport;

/** /v1/account: plan, balance, limits, and the ledger. */
final class Account
{
    public function __construct(private readonly Transport $transport)
    {
    }

    /** The account: plan, balance, in_flight, limits, key. */
    public function get(): ApiObject
    {
        return new ApiObject($this->transport->requestJson('GET', '/v1/account') ?? []);
    }

    /**
     * Every ledger entry (kind grant, debit, refund or adjustment; signed amount), newest first, page after page.
     *
     * @param array{limit?: int, cursor?: string} $params
     * @return Paginator<ApiObject>
     */
    public function ledger(array $params = []): Paginator
    {
        return new Paginator($this->transport, '/v1/account/ledger', $params, static fn (array $item) => new ApiObject($item));
    }
}
