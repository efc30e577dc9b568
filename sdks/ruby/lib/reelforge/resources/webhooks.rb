# frozen_string_literal: true

module Reelforge
  module Resources
    # /v1/webhooks: account endpoints, the per-job signing key, deliveries, and verify.
    class Webhooks
      def initialize(transport)
        @transport = transport
      end

      # Creates an endpoint; the answer carries its secret (whsec_...), shown this once.
      # events: e.g. ["video.completed"]; nil or [] for every event.
      def create(url:, events: nil, description: nil)
        object(:post, "/v1/webhooks", json: { url: url, events: events, description: description }.compact)
      end

      # The account's endpoints, without secrets.
      def list
        Paginator.new(@transport, "/v1/webhooks", {}) { |item| APIObject.new(item) }
      end

      def get(id)
        object(:get, path(id))
      end

      def delete(id)
        @transport.request(:delete, path(id))
        nil
      end

      # A new secret; the old one keeps signing until previous_secret_valid_until.
      def rotate_secret(id)
        object(:post, "#{path(id)}/rotate-secret")
      end

      # Turns on an endpoint that answered 410 and was disabled.
      def enable(id)
        object(:post, "#{path(id)}/enable")
      end

      # Creates or rotates the account's key that signs per-job webhook_url deliveries (shown this once).
      def signing_key
        object(:post, "/v1/webhooks/signing-key")
      end

      # Deliveries, newest first: of one endpoint, or of the whole account (per-job URLs included).
      def deliveries(endpoint_id = nil, **query)
        base = endpoint_id ? "#{path(endpoint_id)}/deliveries" : "/v1/webhooks/deliveries"
        Paginator.new(@transport, base, query) { |item| APIObject.new(item) }
      end

      def delivery(id)
        object(:get, "/v1/webhooks/deliveries/#{URI.encode_www_form_component(id)}")
      end

      # Sends the same message again (same webhook-id and body).
      def redeliver(delivery_id)
        object(:post, "/v1/webhooks/deliveries/#{URI.encode_www_form_component(delivery_id)}/redeliver")
      end

      # Checks a delivery's Standard Webhooks signature and returns the event; see Reelforge::Webhook.verify.
      # now: the Unix time to check the timestamp against (default: the clock).
      def verify(payload, headers, secret, tolerance: Webhook::TOLERANCE, now: Time.now.to_i)
        Webhook.verify(payload, headers, secret, tolerance: tolerance, now: now)
      end

      private

      def object(method, path, **options)
        APIObject.new(@transport.request_json(method, path, **options))
      end

      def path(id)
        "/v1/webhooks/#{URI.encode_www_form_component(id)}"
      end
    end
  end
end
