<?php

declare(strict_types=1);

namespace Reelforge\Exception;

/** 5xx. */
class ServerException extends ApiException
{
}
