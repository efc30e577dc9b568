# frozen_string_literal: true

require_relative "contract_helper"
require "net/http"

# The scenarios of sdks/contract/SCENARIOS.md, one test each, against the appliance at REELFORGE_BASE_URL.
class ContractTest < Minitest::Test
  include ContractHelper

  # The scenarios share accounts whose balance and quota one scenario reads: run them one after the other, in order.
  i_suck_and_my_tests_are_order_dependent!

  def test_s01_submit_wait_save
    client = client()
    job = track(client, client.video.generate(prompt: prompt("S01"), resolution: "720p", duration: 5, seed: 42))
    refute_empty job.generation_id.to_s
    assert_includes %w[queued processing], job.status
    assert_kind_of Integer, job.estimated_seconds

    result = client.video.wait(job.generation_id, timeout: WAIT, poll_interval: 0.5)
    assert_equal "completed", result.status
    assert_equal 90, result.credits_used
    assert_match %r{\Ahttps?://}, result.output_url.to_s
    assert_match %r{\Ahttps?://}, result.thumbnail_url.to_s

    path = result.save(File.join(@scratch, "s01.mp4"))
    assert_valid_mp4 path, 1280, 720
    assert_equal File.binread(path), result.download
    assert_equal "completed", client.video.get(job.generation_id).status
  end

  def test_s02_image_to_video_multipart
    client = client()
    path = File.join(@scratch, "start.png")
    File.binwrite(path, png)

    # (a) a path
    job = track(client, client.video.generate(prompt: prompt("S02a", "camera slowly zooms in"), image: path, resolution: "720p"))
    result = client.video.wait(job.generation_id, timeout: WAIT, poll_interval: 0.5)
    assert_equal true, result.request.image
    assert_valid_mp4 result.save(File.join(@scratch, "s02.mp4")), 1280, 720

    # (b) bytes, (c) an IO, (d) a Pathname: each canceled at once
    File.open(path, "rb") do |io|
      { "S02b" => png, "S02c" => io, "S02d" => Pathname.new(path) }.each do |id, image|
        job = track(client, client.video.generate(prompt: prompt(id, "camera slowly zooms in"), image: image, resolution: "720p"))
        client.video.cancel(job.generation_id)
        assert_equal true, client.video.get(job.generation_id).request.image, id
      end
    end
  end

  def test_s03_quota_of_one_generate_retries_through_429
    client = client("REELFORGE_QUOTA1_KEY", max_retries: 8, retry_delay: 0.5)
    a = track(client, client.video.generate(prompt: prompt("S03a"), resolution: "720p"))
    b = nil
    took = elapsed { b = track(client, client.video.generate(prompt: prompt("S03b"), resolution: "720p")) }
    assert_operator took, :<, 60

    after_a = client.video.get(a.generation_id)
    assert_includes Reelforge::Generation::TERMINAL, after_a.status
    assert_operator Time.iso8601(after_a.completed_at), :<=, Time.iso8601(b.created_at)
    assert_equal "completed", client.video.wait(b.generation_id, timeout: WAIT, poll_interval: 0.5).status
  end

  def test_s04_idempotent_retry_after_dropped_connection_charges_once
    flaky = client(base_url: env("REELFORGE_FLAKY_URL"), max_retries: 3, retry_delay: 0.5)
    direct = client
    unique = prompt("S04", "idempotent #{SecureRandom.hex(8)}")
    dropped = dropped_by_proxy
    job = track(direct, flaky.video.generate(prompt: unique, resolution: "720p"))
    refute_empty job.generation_id.to_s
    assert_equal dropped + 1, dropped_by_proxy, "the proxy should have dropped exactly one answer"

    debits = direct.account.ledger(limit: 100).select { |e| e.generation_id == job.generation_id && e.kind == "debit" }
    assert_equal [-90], debits.map(&:amount)
    assert_equal 1, direct.video.list(limit: 100).count { |g| g.request.prompt == unique }
    direct.video.cancel(job.generation_id)
  end

  def test_s05_authentication_error
    key = "rf_live_#{SecureRandom.alphanumeric(50)}"
    error = assert_raises(Reelforge::AuthenticationError) { client(key: key).account.get }
    assert_equal 401, error.status
    assert_equal "invalid_api_key", error.code
    refute_includes error.message, key
    refute_includes error.to_s, key
    refute_includes error.inspect, key
    refute_includes error.full_message(highlight: false), key[8..]
  end

  def test_s06_insufficient_credits
    client = client("REELFORGE_BROKE_KEY")
    error = assert_raises(Reelforge::InsufficientCreditsError) { client.video.generate(prompt: prompt("S06"), resolution: "720p") }
    assert_equal 402, error.status
    assert_equal "insufficient_credits", error.code
  end

  def test_s07_permission_denied
    client = client("REELFORGE_RESTRICTED_KEY")
    error = assert_raises(Reelforge::PermissionDeniedError) { client.video.generate(prompt: prompt("S07"), resolution: "1080p") }
    assert_equal 403, error.status
    assert_equal "resolution_not_allowed", error.code
    assert_equal "resolution", error.param
  end

  def test_s08_not_found
    error = assert_raises(Reelforge::NotFoundError) { client.video.get(SecureRandom.uuid) }
    assert_equal 404, error.status
    assert_equal "generation.not_found", error.code
  end

  def test_s09_validation_error_with_param
    error = assert_raises(Reelforge::ValidationError) { client.video.generate(prompt: prompt("S09"), resolution: "4k") }
    assert_equal 422, error.status
    assert_equal "unsupported_resolution", error.code
    assert_equal "resolution", error.param
  end

  def test_s10_rate_limit_without_retries
    client = client("REELFORGE_QUOTA1_KEY", max_retries: 0)
    a = track(client, client.video.generate(prompt: prompt("S10a"), resolution: "720p"))
    error = assert_raises(Reelforge::RateLimitError) { client.video.generate(prompt: prompt("S10b"), resolution: "720p") }
    assert_equal 429, error.status
    assert_equal "concurrency_limit_exceeded", error.code
    assert_kind_of Integer, error.retry_after
    assert_operator error.retry_after, :>=, 1
    client.video.cancel(a.generation_id)
  end

  def test_s11_connection_error
    client = client(base_url: "http://127.0.0.1:#{free_port}", max_retries: 1, retry_delay: 0.1)
    took = elapsed { assert_raises(Reelforge::ConnectionError) { client.account.get } }
    assert_operator took, :<, 10
  end

  def test_s12_timeout_from_wait
    client = client()
    job = track(client, client.video.generate(prompt: prompt("S12"), resolution: "720p"))
    took = elapsed { assert_raises(Reelforge::TimeoutError) { client.video.wait(job.generation_id, timeout: 0.5, poll_interval: 0.2) } }
    assert_operator took, :<, 5
    client.video.cancel(job.generation_id)
  end

  def test_s13_cancel_refunds
    client = client()
    b0 = client.account.get.balance
    job = track(client, client.video.generate(prompt: prompt("S13"), resolution: "720p"))
    assert_equal b0 - 90, client.account.get.balance

    canceled = client.video.cancel(job.generation_id)
    assert_equal "canceled", canceled.status
    assert_equal b0, client.account.get.balance
    entries = client.account.ledger(limit: 100).select { |e| e.generation_id == job.generation_id }
    assert_equal({ "debit" => [-90], "refund" => [90] },
                 entries.group_by(&:kind).transform_values { |list| list.map(&:amount) }.sort.to_h)

    failed = assert_raises(Reelforge::GenerationFailedError) { client.video.wait(job.generation_id, timeout: WAIT) }
    assert_equal "canceled", failed.status
    assert_equal "canceled", failed.error_code
    assert_equal canceled.error_code, failed.error_code
    assert_equal canceled.error_message, failed.error_message

    again = assert_raises(Reelforge::APIError) { client.video.cancel(job.generation_id) }
    assert_equal 409, again.status
    assert_equal "generation.not_cancelable", again.code
  end

  def test_s14_webhooks_verify_real_delivery_refuse_tampered
    client = client()
    receiver = ContractHelper::Receiver.new
    endpoint = client.webhooks.create(url: "http://127.0.0.1:#{receiver.port}/hook", events: ["video.completed"], description: "S14 ruby")
    assert_match(/\Awe_/, endpoint.id)
    assert_match(/\Awhsec_/, endpoint.secret)
    assert_includes client.webhooks.list.map(&:id), endpoint.id
    read = client.webhooks.get(endpoint.id)
    assert_equal endpoint.id, read.id
    assert_nil read["secret"]

    job = track(client, client.video.generate(prompt: prompt("S14"), resolution: "720p"))
    client.video.wait(job.generation_id, timeout: WAIT, poll_interval: 0.5)
    body, headers = receiver.await(job.generation_id, 30)
    refute_nil body, "no webhook delivery for #{job.generation_id} within 30 s"

    event = client.webhooks.verify(body, headers, endpoint.secret)
    assert_equal "video.completed", event.type
    assert_equal job.generation_id, event.data.generation_id

    at = body.index(job.generation_id)
    tampered = body.dup
    tampered[at] = tampered[at] == "a" ? "b" : "a"
    assert_raises(Reelforge::WebhookVerificationError) { client.webhooks.verify(tampered, headers, endpoint.secret) }
    forged = headers.merge("webhook-signature" => "v1,#{[SecureRandom.bytes(32)].pack('m0')}")
    assert_raises(Reelforge::WebhookVerificationError) { client.webhooks.verify(body, forged, endpoint.secret) }
    other = "whsec_#{[SecureRandom.bytes(24)].pack('m0')}"
    assert_raises(Reelforge::WebhookVerificationError) { client.webhooks.verify(body, headers, other) }

    client.webhooks.delete(endpoint.id)
    gone = endpoint.id
    endpoint = nil
    assert_raises(Reelforge::NotFoundError) { client.webhooks.get(gone) }
  ensure
    begin
      client.webhooks.delete(endpoint.id) if endpoint
    rescue StandardError
      nil
    end
    receiver&.close
  end

  def test_s14b_webhooks_verify_published_vector
    secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    payload = '{"test": 2432232314}'
    signature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
    headers = ->(signatures) { { "webhook-id" => "msg_p5jXN8AQM9LWM0D4loKWxJek", "webhook-timestamp" => "1614265330", "webhook-signature" => signatures } }
    webhooks = client.webhooks
    at = 1_614_265_330

    assert_equal 2_432_232_314, webhooks.verify(payload, headers.call(signature), secret, now: at).test
    second = "v1,#{["\0" * 32].pack('m0')} #{signature}"
    assert_equal 2_432_232_314, webhooks.verify(payload, headers.call(second), secret, now: at)["test"]
    [at + 301, at - 301].each do |now|
      assert_raises(Reelforge::WebhookVerificationError) { webhooks.verify(payload, headers.call(signature), secret, now: now) }
    end
  end

  def test_s15_list_auto_pagination
    client = client()
    ids = %w[S15a S15b S15c].map do |id|
      job = track(client, client.video.generate(prompt: prompt(id), resolution: "720p"))
      client.video.cancel(job.generation_id)
      job.generation_id
    end
    items = client.video.list(status: "canceled", limit: 2).to_a
    assert_operator items.size, :>, 2
    assert items.all? { |g| g.status == "canceled" }
    seen = items.map(&:generation_id)
    assert_equal seen.uniq, seen
    ids.each { |id| assert_includes seen, id }
    created = items.map { |g| Time.iso8601(g.created_at) }
    created.each_cons(2) { |newer, older| assert_operator older, :<=, newer }
  end

  def test_s16_account_and_ledger
    client = client()
    account = client.account.get
    assert_equal "starter", account.plan.id
    assert_kind_of Integer, account.balance
    assert_equal 5, account.limits.max_concurrent_jobs
    entries = client.account.ledger(limit: 2).to_a
    refute_empty entries
    entries.each do |entry|
      assert_includes %w[grant debit refund adjustment], entry.kind
      assert_kind_of Integer, entry.amount
    end
    assert_equal client.account.get.balance, entries.sum(&:amount)
  end

  def test_s17_reference_snippet
    sdk = File.expand_path("..", __dir__)
    snippet = File.read(File.join(sdk, "examples", "reference.rb"))
    readme = File.read(File.join(sdk, "README.md"))
    snippet.each_line.map(&:chomp).reject(&:empty?).each do |line|
      assert_includes readme, line, "README.md lacks a line of examples/reference.rb"
    end
    dir = File.join(@scratch, "run")
    Dir.mkdir(dir)
    FileUtils.cp(File.join(sdk, "examples", "reference.rb"), dir)
    out, status = Open3.capture2e(RbConfig.ruby, "reference.rb", chdir: dir)
    assert status.success?, "the snippet failed:\n#{out}"
    assert_valid_mp4 File.join(dir, "output.mp4"), 1920, 1080
  end

  private

  # How many answers the drop-once proxy has dropped so far (its GET /__flaky/stats).
  def dropped_by_proxy
    JSON.parse(Net::HTTP.get(URI("#{env('REELFORGE_FLAKY_URL').chomp('/')}/__flaky/stats"))).fetch("dropped")
  rescue StandardError => e
    flunk "the drop-once proxy at REELFORGE_FLAKY_URL answers no /__flaky/stats: #{e.message}"
  end
end
