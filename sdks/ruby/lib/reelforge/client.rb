# frozen_string_literal: true

module Reelforge
  # The Reelforge API client.
  #
  #   client = Reelforge::Client.new(api_key: ENV["REELFORGE_API_KEY"])
  #   job = client.video.generate(prompt: "...", resolution: "1080p", duration: 5)
  #   client.video.wait(job.generation_id).save("output.mp4")
  #
  # The key comes from api_key or REELFORGE_API_KEY, the base URL (the appliance's host root) from base_url or
  # REELFORGE_BASE_URL, else http://localhost:8080. 429 and 503 answers and connection errors are retried up to
  # max_retries times, after retry_delay seconds doubling up to 60, or after the answer's Retry-After when that is longer.
  class Client
    DEFAULT_BASE_URL = "http://localhost:8080"

    attr_reader :video, :account, :webhooks

    def initialize(api_key: nil, base_url: nil, max_retries: 4, retry_delay: 5.0, timeout: 60.0)
      key = setting(api_key, "REELFORGE_API_KEY")
      raise Error, "No API key: pass api_key: to Reelforge::Client.new or set REELFORGE_API_KEY" unless key
      raise ArgumentError, "max_retries and retry_delay must be >= 0, timeout > 0" if max_retries.negative? || retry_delay.negative? || !timeout.positive?

      base = (setting(base_url, "REELFORGE_BASE_URL") || DEFAULT_BASE_URL).chomp("/")
      @transport = Transport.new(api_key: key, base_url: base, max_retries: max_retries, retry_delay: retry_delay.to_f,
                                 timeout: timeout.to_f)
      @video = Resources::Video.new(@transport)
      @account = Resources::Account.new(@transport)
      @webhooks = Resources::Webhooks.new(@transport)
    end

    def base_url
      @transport.base_url
    end

    # Keeps the key out of inspect (and so out of error pages and logs).
    def inspect
      "#<#{self.class.name} base_url=#{base_url.inspect} version=#{VERSION}>"
    end

    private

    def setting(given, env)
      return given if given.is_a?(String) && !given.empty?

      value = ENV.fetch(env, nil)
      value && !value.empty? ? value : nil
    end
  end
end
