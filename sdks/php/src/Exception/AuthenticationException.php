<?php

declare(strict_types=1);

namespace Reelforge\Exception;

/** 401: no key, a bad key or a revoked key. */
class AuthenticationException extends ApiException
{
}
