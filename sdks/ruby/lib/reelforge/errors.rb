# frozen_string_literal: true

module Reelforge
  # Base of every error the SDK raises; rescue it to rescue them all.
  class Error < StandardError; end

  # The appliance answered with an error: {"error": {"type", "code", "message", "param"}}.
  # Subclasses name the common statuses; any other 4xx (410, 413, 415, ...) is raised as this class.
  class APIError < Error
    attr_reader :status, :code, :type, :param, :request_id

    def initialize(message, status:, code: nil, type: nil, param: nil, request_id: nil)
      super(message)
      @status = status
      @code = code
      @type = type
      @param = param
      @request_id = request_id
    end

    # The error that fits an answer's status, from its headers (lower-case names) and body.
    def self.from_response(status, headers, body)
      decoded = begin
        JSON.parse(body.to_s)
      rescue JSON::ParserError
        nil
      end
      error = decoded.is_a?(Hash) && decoded["error"].is_a?(Hash) ? decoded["error"] : {}
      code = error["code"]&.to_s
      fields = { status: status, code: code, type: error["type"]&.to_s, param: error["param"]&.to_s,
                 request_id: headers["x-request-id"] }
      message = "#{status} #{code || 'error'}: #{error['message'] || "HTTP #{status}"}"
      case status
      when 400, 422 then ValidationError.new(message, **fields)
      when 401 then AuthenticationError.new(message, **fields)
      when 402 then InsufficientCreditsError.new(message, **fields)
      when 403 then PermissionDeniedError.new(message, **fields)
      when 404 then NotFoundError.new(message, **fields)
      when 409 then ConflictError.new(message, **fields)
      when 429 then RateLimitError.new(message, retry_after: retry_after(headers["retry-after"]), **fields)
      when 500..599 then ServerError.new(message, **fields)
      else new(message, **fields)
      end
    end

    # Seconds from a Retry-After value (delta-seconds or an HTTP date), or nil.
    def self.retry_after(value)
      return nil if value.nil? || value.strip.empty?
      return value.strip.to_i if value.strip.match?(/\A\d+\z/)

      [(Time.httpdate(value.strip) - Time.now).ceil, 0].max
    rescue ArgumentError
      nil
    end
  end

  # 400 or 422: a field breaks its rule; #param names it.
  class ValidationError < APIError; end
  # 401: no key, a bad key or a revoked key.
  class AuthenticationError < APIError; end
  # 402: the balance is below the clip price.
  class InsufficientCreditsError < APIError; end
  # 403: the plan or the account's limits do not allow this request.
  class PermissionDeniedError < APIError; end
  # 404: unknown id (or another account's).
  class NotFoundError < APIError; end
  # 409: e.g. canceling a finished job.
  class ConflictError < APIError; end
  # 5xx.
  class ServerError < APIError; end

  # 429 once retries are spent; #retry_after is the Retry-After in seconds.
  class RateLimitError < APIError
    attr_reader :retry_after

    def initialize(message, retry_after: nil, **fields)
      super(message, **fields)
      @retry_after = retry_after
    end
  end

  # The appliance could not be reached, or the connection dropped before an answer came.
  class ConnectionError < Error; end

  # A request took longer than the client's timeout, or wait ran past its own.
  class TimeoutError < Error; end

  # wait (or a job's save/download) found the generation failed, canceled or expired.
  class GenerationFailedError < Error
    attr_reader :generation, :status, :error_code, :error_message

    def initialize(generation)
      @generation = generation
      @status = generation.status
      @error_code = generation.error_code
      @error_message = generation.error_message
      detail = @error_code ? " (#{@error_code}: #{@error_message})" : ""
      super("generation #{generation.generation_id} ended #{@status}#{detail}")
    end
  end

  # A webhook delivery's signature, timestamp or headers do not check out.
  class WebhookVerificationError < Error; end
end
