require "reelforge"
client = Reelforge::Client.new(api_key: ENV["REELFORGE_API_KEY"])
job = client.video.generate(
prompt: "A cinematic drone shot gliding over a misty mountain valley at dawn",
resolution: "1080p",
duration: 5
)
result = client.video.wait(job.generation_id)
File.binwrite("output.mp4", result.download)
