# frozen_string_literal: true

module Reelforge
  # A generation (a video job) as GET /v1/video/{id} describes it: generation_id, status, estimated_seconds,
  # credits_used, output_url, thumbnail_url, error_code, error_message, created_at, completed_at, request, ...
  #
  # save and download wait for the job to complete first, so the value of generate can be saved directly.
  class Generation < APIObject
    TERMINAL = %w[completed failed canceled expired].freeze

    def initialize(values, video)
      super(values)
      @video = video
    end

    %w[generation_id status estimated_seconds output_url thumbnail_url error_code error_message created_at
       completed_at].each do |field|
      define_method(field) { @values[field] }
    end

    def request
      self["request"]
    end

    def done?
      TERMINAL.include?(status)
    end

    def completed?
      status == "completed"
    end

    # This generation once it has ended; raises GenerationFailedError unless it completed.
    def wait(timeout: Resources::Video::DEFAULT_WAIT_TIMEOUT, poll_interval: Resources::Video::DEFAULT_POLL_INTERVAL)
      completed? ? self : @video.wait(generation_id, timeout: timeout, poll_interval: poll_interval)
    end

    # The MP4 as a binary String (waits for completion first).
    def download
      @video.transport.download(wait.output_url)
    end

    # Writes the MP4 to path (waits for completion first) and returns the path.
    def save(path)
      @video.transport.download(wait.output_url, path.to_s)
    end

    # The JPEG poster frame as a binary String (waits for completion first).
    def download_thumbnail
      @video.transport.download(wait.thumbnail_url)
    end
  end
end
