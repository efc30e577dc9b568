<?php

declare(strict_types=1);

namespace Reelforge\Exception;

/** The appliance could not be reached, or the connection dropped before an answer came. */
class ConnectionException extends ReelforgeException
{
}
