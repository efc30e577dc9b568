<?php

declare(strict_types=1);

namespace Reelforge;

/**
 * The start image of an image-to-video job: a file path, the file's bytes, or an open stream.
 * A string is taken as bytes when it starts like a PNG, JPEG or WebP file, else as a path.
 */
final class Image
{
    private function __construct(
        private readonly ?string $path,
        private readonly ?string $bytes,
        private readonly string $filename,
    ) {
    }

    public static function fromPath(string $path): self
    {
        if (!is_file($path) || !is_readable($path)) {
            throw new \InvalidArgumentException(sprintf('image file not found or not readable: %s', $path));
        }
        return new self($path, null, basename($path));
    }

    public static function fromBytes(string $bytes, ?string $filename = null): self
    {
        return new self(null, $bytes, $filename ?? 'image' . self::extension($bytes));
    }

    /** @param resource $stream read from its current position to its end */
    public static function fromStream($stream, ?string $filename = null): self
    {
        $bytes = stream_get_contents($stream);
        if ($bytes === false) {
            throw new \InvalidArgumentException('cannot read the image stream');
        }
        $uri = stream_get_meta_data($stream)['uri'] ?? null;
        return self::fromBytes($bytes, $filename ?? (is_string($uri) && is_file($uri) ? basename($uri) : null));
    }

    public static function from(mixed $image): self
    {
        return match (true) {
            $image instanceof self => $image,
            $image instanceof \SplFileInfo => self::fromPath($image->getPathname()),
            is_resource($image) => self::fromStream($image),
            is_string($image) && self::sniff($image) !== null => self::fromBytes($image),
            is_string($image) => self::fromPath($image),
            default => throw new \InvalidArgumentException('image must be a path, the bytes of a PNG, JPEG or WebP file, or a stream'),
        };
    }

    /** @internal */
    public function toCurlFile(): \CURLFile|\CURLStringFile
    {
        if ($this->path !== null) {
            return new \CURLFile($this->path, self::sniff((string) file_get_contents($this->path, false, null, 0, 16)) ?? 'application/octet-stream', $this->filename);
        }
        return new \CURLStringFile((string) $this->bytes, $this->filename, self::sniff((string) $this->bytes) ?? 'application/octet-stream');
    }

    private static function sniff(string $head): ?string
    {
        return match (true) {
            str_starts_with($head, "\x89PNG\r\n\x1a\n") => 'image/png',
            str_starts_with($head, "\xff\xd8\xff") => 'image/jpeg',
            str_starts_with($head, 'RIFF') && substr($head, 8, 4) === 'WEBP' => 'image/webp',
            default => null,
        };
    }

    private static function extension(string $bytes): string
    {
        return match (self::sniff($bytes)) {
            'image/png' => '.png',
            'image/jpeg' => '.jpg',
            'image/webp' => '.webp',
            default => '',
        };
    }
}
