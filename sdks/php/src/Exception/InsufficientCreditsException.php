<?php

declare(strict_types=1);

namespace Reelforge\Exception;

/** 402: the balance is below the clip price. */
class InsufficientCreditsException extends ApiException
{
}
