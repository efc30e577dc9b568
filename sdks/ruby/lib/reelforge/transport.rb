# frozen_string_literal: true

module Reelforge
  # HTTP over net/http: the key, User-Agent, Idempotency-Key, retries with backoff and typed errors live here,
  # once, for every resource. Internal.
  class Transport
    MAX_DELAY = 60.0
    Response = Struct.new(:status, :headers, :body)

    CONNECTION_ERRORS = [
      Errno::ECONNREFUSED, Errno::ECONNRESET, Errno::ECONNABORTED, Errno::EHOSTUNREACH, Errno::ENETUNREACH,
      Errno::EPIPE, Errno::EADDRNOTAVAIL, EOFError, IOError, SocketError, Net::OpenTimeout, Net::HTTPBadResponse,
      OpenSSL::SSL::SSLError
    ].freeze
    TIMEOUT_ERRORS = [Net::ReadTimeout, Net::WriteTimeout].freeze

    attr_reader :base_url

    def initialize(api_key:, base_url:, max_retries:, retry_delay:, timeout:)
      @api_key = api_key
      @base_url = base_url
      @max_retries = max_retries
      @retry_delay = retry_delay
      @timeout = timeout
    end

    # Keeps the key out of inspect and error pages.
    def inspect
      "#<#{self.class.name} base_url=#{@base_url.inspect} max_retries=#{@max_retries} retry_delay=#{@retry_delay}>"
    end

    # A call to the API (path under the base URL, e.g. "/v1/account") answered with JSON (nil for no body).
    def request_json(method, path, **options)
      response = request(method, path, **options)
      return nil if response.body.nil? || response.body.empty?

      JSON.parse(response.body)
    rescue JSON::ParserError
      raise Error, "#{method.upcase} #{path} answered #{response.status} with a body that is not JSON"
    end

    def request(method, path, query: nil, json: nil, multipart: nil, headers: {}, timeout: nil, idempotency_key: nil)
      uri = URI(@base_url + path)
      query = query&.transform_keys(&:to_s)&.compact
      uri.query = URI.encode_www_form(query) if query && !query.empty?
      all = { "Authorization" => "Bearer #{@api_key}", "Accept" => "application/json" }.merge(headers)
      # made once per logical call and sent again with every retry, so a retry never creates or charges twice
      all["Idempotency-Key"] = idempotency_key || SecureRandom.uuid if method == :post
      body = nil
      if multipart
        boundary = "reelforge-#{SecureRandom.hex(16)}"
        all["Content-Type"] = "multipart/form-data; boundary=#{boundary}"
        body = self.class.multipart_body(multipart, boundary)
      elsif json
        all["Content-Type"] = "application/json"
        body = JSON.generate(json)
      elsif method == :post
        body = ""
      end
      with_retries { once(method, uri, all, body, timeout || @timeout) }
    end

    # GETs a file URL (the signed output_url / thumbnail_url: no key is sent with it) into memory, or into path.
    def download(url, path = nil)
      uri = URI(url)
      return with_retries { once(:get, uri, { "Accept" => "*/*" }, nil, @timeout) }.body unless path

      part = "#{path}.part"
      with_retries do
        # an error answer's body is kept in memory, not written to the file
        File.open(part, "wb") { |sink| once(:get, uri, { "Accept" => "*/*" }, nil, @timeout, sink) }
      rescue Error
        File.delete(part) if File.exist?(part)
        raise
      end
      File.rename(part, path)
      path
    ensure
      File.delete(part) if part && File.exist?(part)
    end

    def self.multipart_body(fields, boundary)
      body = String.new(encoding: Encoding::BINARY)
      fields.each do |name, value|
        body << "--#{boundary}\r\n".b
        if value.is_a?(Image)
          body << %(Content-Disposition: form-data; name="#{name}"; filename="#{value.filename.tr('"', '')}"\r\n).b
          body << "Content-Type: #{value.content_type}\r\n\r\n".b << value.bytes << "\r\n".b
        else
          body << %(Content-Disposition: form-data; name="#{name}"\r\n\r\n).b << value.to_s.b << "\r\n".b
        end
      end
      body << "--#{boundary}--\r\n".b
    end

    private

    # Runs one attempt after another: 429 and 503 answers and connection errors are retried.
    def with_retries
      retry_number = 0
      loop do
        begin
          response = yield
        rescue ConnectionError
          raise if retry_number >= @max_retries

          pause(backoff(retry_number))
          retry_number += 1
          next
        end
        return response if response.status < 400

        if [429, 503].include?(response.status) && retry_number < @max_retries
          # never sooner than Retry-After asks, and never sooner than the backoff: an estimate that has run out
          # (Retry-After: 1 while the job overruns) must not burn every retry in a few seconds
          retry_after = APIError.retry_after(response.headers["retry-after"]).to_f
          pause([[retry_after, MAX_DELAY].min, backoff(retry_number)].max)
          retry_number += 1
          next
        end
        raise APIError.from_response(response.status, response.headers, response.body)
      end
    end

    def backoff(retry_number)
      [@retry_delay * (2**retry_number), MAX_DELAY].min
    end

    def pause(seconds)
      sleep(seconds) if seconds.positive?
    end

    def once(method, uri, headers, body, timeout, sink = nil)
      http = Net::HTTP.new(uri.host, uri.port)
      http.use_ssl = uri.scheme == "https"
      http.open_timeout = [timeout, 10.0].min
      http.read_timeout = timeout
      http.write_timeout = timeout
      http.max_retries = 0
      request = Net::HTTPGenericRequest.new(method.to_s.upcase, !body.nil?, true, uri.request_uri,
                                            headers.merge("User-Agent" => "reelforge-ruby/#{VERSION}"))
      request.body = body if body
      http.start do
        http.request(request) do |response|
          received = response.each_header.to_h { |name, value| [name.downcase, value] }
          if sink && response.code.to_i < 400
            response.read_body { |chunk| sink.write(chunk) }
            return Response.new(response.code.to_i, received, "")
          end
          return Response.new(response.code.to_i, received, response.read_body.to_s)
        end
      end
    rescue *TIMEOUT_ERRORS
      raise TimeoutError, "#{method.upcase} #{where(uri)} timed out after #{timeout} s"
    rescue *CONNECTION_ERRORS, SystemCallError => e
      raise ConnectionError, "#{method.upcase} #{where(uri)} failed: #{e.class}: #{e.message.gsub(/\?\S*/, '')}"
    end

    # Signed file URLs carry their signature in the query: never put it in a message.
    def where(uri)
      "#{uri.scheme}://#{uri.host}:#{uri.port}#{uri.path}"
    end
  end
end
