# frozen_string_literal: true

# What every scenario needs: env, clients, a scratch folder, PNGs, ffprobe checks, cleanup of jobs in flight.
# The suite runs against the INSTALLED gem: test.sh installs it into a throwaway GEM_HOME; lib/ is not on the path.
require "minitest/autorun"
require "json"
require "fileutils"
require "open3"
require "pathname"
require "securerandom"
require "socket"
require "time"
require "tmpdir"
require "zlib"
require "reelforge"

installed = Gem.loaded_specs["reelforge"]&.full_gem_path.to_s
unless ENV["GEM_HOME"] && installed.start_with?(ENV["GEM_HOME"])
  abort "reelforge must be loaded from the gem installed in GEM_HOME (test.sh does this), not from #{installed.inspect}"
end

module ContractHelper
  WAIT = 60.0

  def setup
    @scratch = Dir.mktmpdir("reelforge-ruby-")
    @started = []
  end

  def teardown
    @started.each do |client, id|
      client.video.cancel(id) unless client.video.get(id).done?
    rescue StandardError
      nil # best effort: the scenario's own assertion is what failed
    end
    FileUtils.remove_entry(@scratch) if @scratch
  end

  # A required variable; a missing one fails the scenario (never a skip).
  def env(name)
    value = ENV.fetch(name, "")
    flunk "#{name} is not set: run through sdks/ruby/test.sh with the contract environment (see sdks/contract/SCENARIOS.md)" if value.empty?
    value
  end

  def client(key_var = "REELFORGE_API_KEY", key: nil, base_url: nil, max_retries: 4, retry_delay: 0.5, timeout: 60.0)
    Reelforge::Client.new(api_key: key || env(key_var), base_url: base_url || env("REELFORGE_BASE_URL"),
                          max_retries: max_retries, retry_delay: retry_delay, timeout: timeout)
  end

  def prompt(id, text = "a red fox runs through the snow")
    "#{id} ruby: #{text}"
  end

  # Remembers a job so teardown cancels it if the scenario leaves it in flight.
  def track(client, job)
    @started << [client, job.generation_id]
    job
  end

  def elapsed
    started = Process.clock_gettime(Process::CLOCK_MONOTONIC)
    yield
    Process.clock_gettime(Process::CLOCK_MONOTONIC) - started
  end

  # A one-colour PNG made here with zlib and CRC-32.
  def png(width = 64, height = 64, rgb = [200, 80, 40])
    chunk = ->(type, data) { [data.bytesize].pack("N") + type + data + [Zlib.crc32(type + data)].pack("N") }
    row = "\0".b + (rgb.pack("C3") * width)
    "\x89PNG\r\n\x1a\n".b + chunk.call("IHDR", [width, height, 8, 2, 0, 0, 0].pack("NNCCCCC")) +
      chunk.call("IDAT", Zlib::Deflate.deflate(row * height)) + chunk.call("IEND", "")
  end

  # Asserts ffprobe decodes path as a 5 s, 120-frame H.264 MP4 of width x height.
  def assert_valid_mp4(path, width, height)
    assert File.file?(path), "no file #{path}"
    out, err, status = Open3.capture3("ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0",
                                      "-show_entries", "stream=codec_name,width,height,nb_read_frames",
                                      "-show_entries", "format=duration,format_name", "-of", "json", path)
    assert status.success?, "ffprobe failed on #{path}: #{err}"
    probe = JSON.parse(out)
    stream = probe.fetch("streams").first || {}
    assert_equal "h264", stream["codec_name"], out
    assert_includes probe.dig("format", "format_name").to_s, "mp4", out
    assert_equal [width, height], [stream["width"], stream["height"]], out
    assert_equal "120", stream["nb_read_frames"].to_s, out
    assert_in_delta 5.0, probe.dig("format", "duration").to_f, 0.1, out
  end

  # A TCP port nothing listens on right now.
  def free_port
    server = TCPServer.new("127.0.0.1", 0)
    server.addr[1]
  ensure
    server&.close
  end

  # An HTTP receiver on 127.0.0.1 that records each POST's raw body and headers and answers 200.
  class Receiver
    attr_reader :port

    def initialize
      @server = TCPServer.new("127.0.0.1", 0)
      @port = @server.addr[1]
      @deliveries = []
      @lock = Mutex.new
      @thread = Thread.new { loop { serve(@server.accept) } }
    end

    def close
      @thread.kill
      @server.close
    end

    # The first delivery (body, headers) whose data.generation_id is id, within seconds.
    def await(id, seconds)
      deadline = Time.now + seconds
      while Time.now < deadline
        found = @lock.synchronize { @deliveries.find { |body, _| generation_of(body) == id } }
        return found if found

        sleep 0.2
      end
      nil
    end

    private

    def generation_of(body)
      JSON.parse(body).dig("data", "generation_id")
    rescue JSON::ParserError
      nil
    end

    def serve(socket)
      request_line = socket.gets("\r\n").to_s
      headers = {}
      while (line = socket.gets("\r\n")) && line != "\r\n"
        name, value = line.chomp("\r\n").split(":", 2)
        headers[name.strip.downcase] = value.to_s.strip
      end
      body = socket.read(headers.fetch("content-length", "0").to_i).to_s
      @lock.synchronize { @deliveries << [body, headers] } if request_line.start_with?("POST")
      socket.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\nConnection: close\r\n\r\n{\"ok\":true}")
    rescue StandardError
      nil
    ensure
      socket.close
    end
  end
end
