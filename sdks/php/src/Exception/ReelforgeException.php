<?php

declare(strict_types=1);

namespace Reelforge\Exception;

/** Base of every exception the SDK throws; catch it to catch them all. */
class ReelforgeException extends \RuntimeException
{
}
