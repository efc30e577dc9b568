<?php

declare(strict_types=1);

namespace Reelforge\Exception;

/** A request took longer than the client's timeout, or wait() ran past its own. */
class TimeoutException extends ReelforgeException
{
}
