<?php

declare(strict_types=1);

namespace Reelforge\Exception;

/** 404: unknown id (or another account's). */
class NotFoundException extends ApiException
{
}
