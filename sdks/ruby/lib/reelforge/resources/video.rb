# frozen_string_literal: true

module Reelforge
  module Resources
    # /v1/video: submit, read, wait for, cancel and list generations.
    class Video
      DEFAULT_WAIT_TIMEOUT = 600.0
      DEFAULT_POLL_INTERVAL = 2.0
      # The longest Prefer: wait the appliance honours.
      LONG_POLL_MAX = 60

      attr_reader :transport

      def initialize(transport)
        @transport = transport
      end

      # Submits a job and returns it at once (queued). With an image (a file path, the file's bytes, an IO or a
      # Reelforge::Image) the request goes as multipart/form-data. Other keywords are sent as they are.
      def generate(prompt:, resolution: nil, duration: nil, image: nil, camera_fixed: nil, aspect_ratio: nil, seed: nil,
                   negative_prompt: nil, webhook_url: nil, idempotency_key: nil, **extra)
        fields = { prompt: prompt, resolution: resolution, duration: duration, camera_fixed: camera_fixed,
                   aspect_ratio: aspect_ratio, seed: seed, negative_prompt: negative_prompt, webhook_url: webhook_url }
                 .merge(extra).compact
        answer = if image
                   multipart = fields.transform_values { |value| value.is_a?(Array) || value.is_a?(Hash) ? JSON.generate(value) : value.to_s }
                   multipart[:image] = Image.from(image)
                   @transport.request_json(:post, "/v1/video/generate", multipart: multipart, idempotency_key: idempotency_key)
                 else
                   @transport.request_json(:post, "/v1/video/generate", json: fields, idempotency_key: idempotency_key)
                 end
        Generation.new(answer, self)
      end

      def get(id)
        Generation.new(@transport.request_json(:get, path(id)), self)
      end

      # Blocks until the generation ends (long-polling with Prefer: wait) and returns it completed.
      # Raises GenerationFailedError when it ended failed, canceled or expired, TimeoutError when it has not ended
      # after timeout seconds.
      def wait(id, timeout: DEFAULT_WAIT_TIMEOUT, poll_interval: DEFAULT_POLL_INTERVAL)
        deadline = now + timeout
        loop do
          remaining = deadline - now
          hold = [LONG_POLL_MAX, remaining.floor].min
          options = if hold >= 1
                      { headers: { "Prefer" => "wait=#{hold}" }, timeout: hold + 15.0 }
                    else
                      { timeout: [1.0, remaining + 5.0].max }
                    end
          response = @transport.request(:get, path(id), **options)
          generation = Generation.new(JSON.parse(response.body), self)
          if generation.done?
            raise GenerationFailedError, generation unless generation.completed?

            return generation
          end
          remaining = deadline - now
          raise TimeoutError, "generation #{id} is still #{generation.status} after #{timeout} s" if remaining <= 0

          sleep([poll_interval, remaining].min) unless response.headers.key?("preference-applied")
        end
      end

      # Cancels a queued or processing job (refunded) and returns it canceled; a finished one is a ConflictError.
      def cancel(id)
        Generation.new(@transport.request_json(:post, "#{path(id)}/cancel"), self)
      end

      # Every generation of the account, newest first (status:, limit:), fetching page after page as it is iterated.
      def list(**query)
        Paginator.new(@transport, "/v1/video", query) { |item| Generation.new(item, self) }
      end

      private

      def path(id)
        "/v1/video/#{URI.encode_www_form_component(id.to_s)}"
      end

      def now
        Process.clock_gettime(Process::CLOCK_MONOTONIC)
      end
    end
  end
end
