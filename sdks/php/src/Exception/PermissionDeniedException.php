<?php

declare(strict_types=1);

namespace Reelforge\Exception;

/** 403: the plan or the account's limits do not allow this request. */
class PermissionDeniedException extends ApiException
{
}
