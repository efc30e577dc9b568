<?php

declare(strict_types=1);

namespace Reelforge\Exception;

/** 400 or 422: a field breaks its rule; $param names it. */
class ValidationException extends ApiException
{
}
