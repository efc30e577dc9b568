# frozen_string_literal: true

require_relative "contract_helper"

# Reelforge::Webhook.verify beyond S14's real delivery: tolerance, several signatures, header forms. No appliance.
class WebhookTest < Minitest::Test
  SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
  PAYLOAD = '{"type":"video.completed","timestamp":"2026-12-04T19:00:00Z","data":{"generation_id":"g1"}}'

  def sign(id, timestamp, payload, secret = SECRET)
    key = secret.delete_prefix("whsec_").unpack1("m0")
    "v1,#{[OpenSSL::HMAC.digest('SHA256', key, "#{id}.#{timestamp}.#{payload}")].pack('m0')}"
  end

  def test_accepts_any_of_several_signatures_and_rack_style_headers
    now = Time.now.to_i
    other = "whsec_#{[SecureRandom.bytes(24)].pack('m0')}"
    signatures = "#{sign('msg_1', now, PAYLOAD, other)} #{sign('msg_1', now, PAYLOAD)}"
    event = Reelforge::Webhook.verify(PAYLOAD, { "Webhook-Id" => "msg_1", "Webhook-Timestamp" => now.to_s,
                                                 "Webhook-Signature" => signatures }, SECRET)
    assert_equal "g1", event.data.generation_id

    rack = { "HTTP_WEBHOOK_ID" => "msg_1", "HTTP_WEBHOOK_TIMESTAMP" => now.to_s,
             "HTTP_WEBHOOK_SIGNATURE" => [sign("msg_1", now, PAYLOAD)] }
    assert_equal "video.completed", Reelforge::Webhook.verify(PAYLOAD, rack, SECRET).type
  end

  def test_refuses_a_timestamp_over_five_minutes_off_even_when_signed
    [Time.now.to_i - 301, Time.now.to_i + 301].each do |time|
      headers = { "webhook-id" => "msg_1", "webhook-timestamp" => time.to_s, "webhook-signature" => sign("msg_1", time, PAYLOAD) }
      error = assert_raises(Reelforge::WebhookVerificationError) { Reelforge::Webhook.verify(PAYLOAD, headers, SECRET) }
      assert_includes error.message, "300 s"
    end
  end

  def test_refuses_a_signature_made_for_another_message_id
    now = Time.now.to_i
    headers = { "webhook-id" => "msg_2", "webhook-timestamp" => now.to_s, "webhook-signature" => sign("msg_1", now, PAYLOAD) }
    assert_raises(Reelforge::WebhookVerificationError) { Reelforge::Webhook.verify(PAYLOAD, headers, SECRET) }
  end

  def test_refuses_when_a_header_is_missing
    assert_raises(Reelforge::WebhookVerificationError) do
      Reelforge::Webhook.verify(PAYLOAD, { "webhook-id" => "msg_1", "webhook-signature" => "v1,x" }, SECRET)
    end
  end
end
