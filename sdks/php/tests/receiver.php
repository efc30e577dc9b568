<?php

// Router for `php -S`: records each POST (raw body + headers) as a JSON file in RECEIVER_DIR, answers 200.
$dir = getenv('RECEIVER_DIR');
if ($_SERVER['REQUEST_METHOD'] === 'POST') {
    $record = ['path' => $_SERVER['REQUEST_URI'], 'headers' => getallheaders(), 'body' => base64_encode((string) file_get_contents('php://input'))];
    $name = sprintf('%s/%.6f-%s.json', $dir, microtime(true), bin2hex(random_bytes(4)));
    file_put_contents($name . '.tmp', json_encode($record));
    rename($name . '.tmp', $name);
}
header('Content-Type: application/json');
echo '{"ok":true}';
