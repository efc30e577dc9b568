import time
from reelforge import Reelforge
client = Reelforge(api_key="YOUR_API_KEY")
# Submit
job = client.video.generate(
prompt="A cinematic drone shot gliding over a misty mountain valley at dawn",
resolution="1080p",
duration=5,
)
print(f"Job started: {job.generation_id}")
# Poll until done (SDK handles this automatically)
result = client.video.wait(job.generation_id) # blocks until complete
result.save("output.mp4")
print(f"Video saved: output.mp4")
