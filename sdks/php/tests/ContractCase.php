<?php

declare(strict_types=1);

namespace Reelforge\Tests;

use PHPUnit\Framework\TestCase;
use Reelforge\Client;
use Reelforge\Generation;

/** What every scenario needs: env, clients, a scratch folder, PNGs, ffprobe checks, cleanup of jobs in flight. */
abstract class ContractCase extends TestCase
{
    protected const WAIT = 60.0;
    protected string $scratch;
    /** @var list<array{Client, string}> jobs to cancel if a scenario leaves them in flight */
    private array $started = [];

    protected function setUp(): void
    {
        $this->scratch = sys_get_temp_dir() . '/reelforge-php-' . bin2hex(random_bytes(6));
        mkdir($this->scratch);
    }

    protected function tearDown(): void
    {
        foreach ($this->started as [$client, $id]) {
            try {
                if (!$client->video()->get($id)->isDone()) {
                    $client->video()->cancel($id);
                }
            } catch (\Throwable) {
                // best effort: the scenario's own assertion is what failed
            }
        }
        $this->started = [];
        self::removeTree($this->scratch);
    }

    /** A required variable; a missing one fails the scenario (never a skip). */
    protected static function env(string $name): string
    {
        $value = getenv($name);
        if (!is_string($value) || $value === '') {
            self::fail("$name is not set: run through sdks/php/test.sh with the contract environment (see sdks/contract/SCENARIOS.md)");
        }
        return $value;
    }

    protected function client(string $keyVar = 'REELFORGE_API_KEY', array $options = []): Client
    {
        return new Client(
            apiKey: $options['key'] ?? self::env($keyVar),
            baseUrl: $options['baseUrl'] ?? self::env('REELFORGE_BASE_URL'),
            maxRetries: $options['maxRetries'] ?? 4,
            retryDelay: $options['retryDelay'] ?? 0.5,
            timeout: $options['timeout'] ?? 60.0,
        );
    }

    protected static function prompt(string $id, string $text = 'a red fox runs through the snow'): string
    {
        return sprintf('%s php: %s', $id, $text);
    }

    /** Remembers a job so tearDown cancels it if the scenario leaves it in flight. */
    protected function track(Client $client, Generation $job): Generation
    {
        $this->started[] = [$client, (string) $job->generation_id];
        return $job;
    }

    /** A one-colour PNG made here with zlib and CRC-32. */
    protected static function png(int $width = 64, int $height = 64, array $rgb = [200, 80, 40]): string
    {
        $chunk = static fn (string $type, string $data): string =>
            pack('N', strlen($data)) . $type . $data . pack('N', crc32($type . $data));
        $row = "\0" . str_repeat(pack('C3', ...$rgb), $width);
        return "\x89PNG\r\n\x1a\n"
            . $chunk('IHDR', pack('NNCCCCC', $width, $height, 8, 2, 0, 0, 0))
            . $chunk('IDAT', (string) gzcompress(str_repeat($row, $height)))
            . $chunk('IEND', '');
    }

    /** Asserts ffprobe decodes $path as a 5 s, 120-frame H.264 MP4 of $width x $height. */
    protected static function assertValidMp4(string $path, int $width, int $height): void
    {
        self::assertFileExists($path);
        $command = ['ffprobe', '-v', 'error', '-count_frames', '-select_streams', 'v:0',
            '-show_entries', 'stream=codec_name,width,height,nb_read_frames',
            '-show_entries', 'format=duration,format_name', '-of', 'json', $path];
        [$code, $out, $err] = self::runCommand($command, null, 60);
        self::assertSame(0, $code, "ffprobe failed on $path: $err");
        $probe = json_decode($out, true);
        $stream = $probe['streams'][0] ?? [];
        self::assertSame('h264', $stream['codec_name'] ?? null, $out);
        self::assertStringContainsString('mp4', $probe['format']['format_name'] ?? '', $out);
        self::assertSame([$width, $height], [$stream['width'] ?? null, $stream['height'] ?? null], $out);
        self::assertSame('120', (string) ($stream['nb_read_frames'] ?? ''), $out);
        self::assertEqualsWithDelta(5.0, (float) ($probe['format']['duration'] ?? 0), 0.1, $out);
    }

    /**
     * Runs a command; returns [exit code, stdout, stderr]. A command still running after $timeout s is killed.
     *
     * @param list<string> $command
     */
    protected static function runCommand(array $command, ?string $cwd = null, int $timeout = 120, ?array $env = null): array
    {
        $process = proc_open($command, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, $cwd, $env);
        self::assertIsResource($process, 'cannot start ' . $command[0]);
        stream_set_blocking($pipes[1], false);
        stream_set_blocking($pipes[2], false);
        $out = $err = '';
        $deadline = microtime(true) + $timeout;
        do {
            $read = [$pipes[1], $pipes[2]];
            $write = $except = null;
            if (@stream_select($read, $write, $except, 0, 200_000)) {
                $out .= (string) stream_get_contents($pipes[1]);
                $err .= (string) stream_get_contents($pipes[2]);
            }
            $status = proc_get_status($process);
        } while ($status['running'] && microtime(true) < $deadline);
        if ($status['running']) {
            proc_terminate($process, 9);
        }
        $out .= (string) stream_get_contents($pipes[1]);
        $err .= (string) stream_get_contents($pipes[2]);
        fclose($pipes[1]);
        fclose($pipes[2]);
        proc_close($process);
        return [$status['running'] ? -1 : $status['exitcode'], $out, $err];
    }

    /** A TCP port nothing listens on right now. */
    protected static function freePort(): int
    {
        $server = stream_socket_server('tcp://127.0.0.1:0');
        self::assertIsResource($server);
        $port = (int) substr(strrchr((string) stream_socket_get_name($server, false), ':'), 1);
        fclose($server);
        return $port;
    }

    protected static function removeTree(string $dir): void
    {
        if (is_link($dir) || is_file($dir)) {
            unlink($dir);
            return;
        }
        if (!is_dir($dir)) {
            return;
        }
        foreach (scandir($dir) ?: [] as $entry) {
            if ($entry !== '.' && $entry !== '..') {
                self::removeTree($dir . '/' . $entry);
            }
        }
        rmdir($dir);
    }
}
