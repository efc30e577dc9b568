<?php

declare(strict_types=1);

// The contract suite runs against the INSTALLED package: test.sh installs the composer artefact into a
// throwaway project and points REELFORGE_PHP_VENDOR at its vendor/ folder. Nothing here loads src/.
$vendor = getenv('REELFORGE_PHP_VENDOR');
if (!is_string($vendor) || !is_file($vendor . '/autoload.php')) {
    fwrite(STDERR, "REELFORGE_PHP_VENDOR must name the vendor/ folder of a project that installed reelforge/reelforge (test.sh does this)\n");
    exit(1);
}
require $vendor . '/autoload.php';
require __DIR__ . '/ContractCase.php';
