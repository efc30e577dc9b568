# frozen_string_literal: true

require "openssl"

module Reelforge
  # Standard Webhooks verification, usable without a client (no key is needed to verify).
  module Webhook
    # Seconds a delivery's timestamp may be off from now.
    TOLERANCE = 300

    module_function

    # Verifies the raw body of a delivery against its webhook-id, webhook-timestamp and webhook-signature headers
    # and returns the parsed event (type, timestamp, data) as an APIObject.
    #
    # payload - the raw request body, before any JSON parsing
    # headers - a Hash of header name => value (any case, String or Symbol names, values String or Array); Rack's
    #           env form (HTTP_WEBHOOK_ID) works too
    # secret  - the endpoint's secret, "whsec_<base64>"
    #
    # Raises WebhookVerificationError.
    def verify(payload, headers, secret, tolerance: TOLERANCE, now: Time.now.to_i)
      normal = {}
      headers.each do |name, value|
        key = name.to_s.downcase.tr("_", "-").delete_prefix("http-")
        normal[key] = value.is_a?(Array) ? value.join(" ") : value.to_s
      end
      id, timestamp, signatures = normal.values_at("webhook-id", "webhook-timestamp", "webhook-signature")
      raise WebhookVerificationError, "missing webhook-id, webhook-timestamp or webhook-signature header" unless id && timestamp && signatures
      raise WebhookVerificationError, "webhook-timestamp is not a number of seconds" unless timestamp.match?(/\A\d+\z/)
      raise WebhookVerificationError, "webhook-timestamp is more than #{tolerance} s away from now" if (now - timestamp.to_i).abs > tolerance

      key = begin
        secret.delete_prefix("whsec_").unpack1("m0")
      rescue ArgumentError
        raise WebhookVerificationError, "the secret is not a whsec_ base64 secret"
      end
      raise WebhookVerificationError, "the secret is not a whsec_ base64 secret" if key.empty?

      expected = [OpenSSL::HMAC.digest("SHA256", key, [id, timestamp, payload].map { |part| part.to_s.b }.join("."))].pack("m0")
      matched = signatures.split.any? do |signature|
        version, value = signature.split(",", 2)
        version == "v1" && value && secure_compare(expected, value)
      end
      raise WebhookVerificationError, "no webhook-signature matches the payload" unless matched

      event = begin
        JSON.parse(payload)
      rescue JSON::ParserError
        nil
      end
      raise WebhookVerificationError, "the payload is not a JSON object" unless event.is_a?(Hash)

      APIObject.new(event)
    end

    def secure_compare(a, b)
      a.bytesize == b.bytesize && OpenSSL.fixed_length_secure_compare(a, b)
    end
  end
end
