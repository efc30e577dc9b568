// Drives the appliance's OpenAI-shaped /v1/videos surface with the official openai package, as a tool that
// speaks that API would. Run by OpenAiVideosIT against a booted appliance; prints one JSON summary line and
// exits non-zero on the first thing that does not hold.
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import OpenAI, { toFile } from 'openai';

const base = process.env.REELFORGE_BASE_URL;
const out = process.env.REELFORGE_OUT;
const client = new OpenAI({ apiKey: process.env.REELFORGE_KEY, baseURL: `${base}/v1`, maxRetries: 0 });

async function finished(id) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const v = await client.videos.retrieve(id);
    if (v.status === 'completed' || v.status === 'failed') return v;
    assert.ok(Date.now() < deadline, `video ${id} still ${v.status}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function save(id, variant, file) {
  const response = await client.videos.downloadContent(id, { variant });
  const bytes = Buffer.from(await response.arrayBuffer());
  fs.writeFileSync(path.join(out, file), bytes);
  return bytes;
}

const created = await client.videos.create({
  prompt: 'A cinematic drone shot gliding over a misty mountain valley at dawn',
  seconds: '5',
  size: '1280x720',
});
assert.equal(created.object, 'video');
assert.ok(['queued', 'in_progress'].includes(created.status), created.status);
assert.equal(created.size, '1280x720');
assert.equal(created.seconds, '5');

const done = await finished(created.id);
assert.equal(done.status, 'completed', JSON.stringify(done));
assert.equal(done.progress, 100);
assert.ok(done.completed_at >= done.created_at && done.expires_at > done.completed_at, JSON.stringify(done));
const mp4 = await save(done.id, 'video', 'video.mp4');
assert.equal(mp4.subarray(4, 8).toString('latin1'), 'ftyp');
const jpeg = await save(done.id, 'thumbnail', 'thumbnail.jpg');
assert.equal(jpeg.readUInt16BE(0), 0xffd8);

// Image-to-video: input_reference as an uploaded file, portrait.
const startImage = await toFile(fs.createReadStream(process.env.REELFORGE_IMAGE), 'start.png', { type: 'image/png' });
const fromImage = await finished((await client.videos.create({
  prompt: 'Camera slowly zooms in, warm lighting, cinematic', size: '720x1280', input_reference: startImage,
})).id);
assert.equal(fromImage.status, 'completed', JSON.stringify(fromImage));
await save(fromImage.id, 'video', 'portrait.mp4');

// What the appliance cannot honour is an error in OpenAI's shape, which the SDK raises as BadRequestError.
const refusal = await client.videos.create({ prompt: 'x', size: '1024x1792' }).then(
  () => assert.fail('an unsupported size was accepted'), (e) => e);
assert.ok(refusal instanceof OpenAI.BadRequestError, String(refusal));
assert.equal(refusal.status, 400);
assert.equal(refusal.code, 'unsupported_size');
assert.equal(refusal.param, 'size');

// The list pages by after/limit; the SDK follows last_id itself.
const seen = [];
for await (const v of client.videos.list({ limit: 1, order: 'desc' })) {
  seen.push(v.id);
  if (seen.length >= 2) break;
}
assert.deepEqual(seen, [fromImage.id, done.id]);

const deleted = await client.videos.delete(fromImage.id);
assert.deepEqual(deleted, { id: fromImage.id, object: 'video.deleted', deleted: true });
const gone = await client.videos.retrieve(fromImage.id).then(() => assert.fail('a deleted video was found'), (e) => e);
assert.ok(gone instanceof OpenAI.NotFoundError, String(gone));

console.log(JSON.stringify({ ok: true, video: done.id, portrait: fromImage.id, mp4_bytes: mp4.length, jpeg_bytes: jpeg.length }));
