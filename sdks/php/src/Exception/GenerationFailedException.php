<?php

declare(strict_types=1);

namespace Reelforge\Exception;

use Reelforge\Generation;

/** wait() (or a job's save()/download()) found the generation failed, canceled or expired. */
class GenerationFailedException extends ReelforgeException
{
    public readonly string $status;
    public readonly ?string $errorCode;
    public readonly ?string $errorMessage;

    public function __construct(public readonly Generation $generation)
    {
        $this->status = (string) $generation->status;
        $this->errorCode = $generation->error_code;
        $this->errorMessage = $generation->error_message;
        parent::__construct(sprintf('generation %s ended %s%s', $generation->generation_id, $this->status,
            $this->errorCode === null ? '' : sprintf(' (%s: %s)', $this->errorCode, $this->errorMessage ?? '')));
    }
}
