# Python SDK auto-retries 429 with backoff
from reelforge import Reelforge
client = Reelforge(api_key="...", max_retries=4, retry_delay=5.0)
# If the video queue is full, the SDK retries automatically
result = client.video.generate(
prompt="Aerial view of a coastal city at sunset, cinematic grade",
resolution="1080p",
duration=5,
)
result.save("output.mp4")
