<?php

declare(strict_types=1);

namespace Reelforge\Exception;

/** A webhook delivery's signature, timestamp or headers do not check out. */
class WebhookVerificationException extends ReelforgeException
{
}
