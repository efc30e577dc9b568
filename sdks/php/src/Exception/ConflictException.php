<?php

declare(strict_types=1);

namespace Reelforge\Exception;

/** 409: e.g. canceling a finished job. */
class ConflictException extends ApiException
{
}
