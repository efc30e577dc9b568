# frozen_string_literal: true

module Reelforge
  # The start image of an image-to-video job: a file path (String or Pathname), the file's bytes, or an IO.
  # A String is taken as bytes when it starts like a PNG, JPEG or WebP file, else as a path.
  class Image
    attr_reader :bytes, :filename

    def initialize(bytes, filename)
      @bytes = bytes.b
      @filename = filename
    end

    def self.from_path(path)
      path = path.to_s
      raise ArgumentError, "image file not found or not readable: #{path}" unless File.file?(path) && File.readable?(path)

      new(File.binread(path), File.basename(path))
    end

    def self.from_bytes(bytes, filename: nil)
      new(bytes, filename || "image#{extension(bytes)}")
    end

    # Reads io from its current position to its end.
    def self.from_io(io, filename: nil)
      name = filename || (io.respond_to?(:path) && io.path ? File.basename(io.path) : nil)
      from_bytes(io.read.to_s, filename: name)
    end

    def self.from(image)
      if image.is_a?(Image) then image
      elsif image.is_a?(String) then sniff(image) ? from_bytes(image) : from_path(image)
      elsif image.respond_to?(:read) then from_io(image)
      elsif image.respond_to?(:to_path) then from_path(image.to_path) # Pathname
      else raise ArgumentError, "image must be a path, the bytes of a PNG, JPEG or WebP file, or an IO"
      end
    end

    def content_type
      self.class.sniff(@bytes) || "application/octet-stream"
    end

    def self.sniff(head)
      head = head.b
      if head.start_with?("\x89PNG\r\n\x1a\n".b) then "image/png"
      elsif head.start_with?("\xff\xd8\xff".b) then "image/jpeg"
      elsif head.start_with?("RIFF".b) && head[8, 4] == "WEBP".b then "image/webp"
      end
    end

    def self.extension(bytes)
      { "image/png" => ".png", "image/jpeg" => ".jpg", "image/webp" => ".webp" }.fetch(sniff(bytes), "")
    end
  end
end
