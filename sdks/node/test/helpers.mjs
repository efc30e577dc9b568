// Helpers of the contract suite (sdks/contract/SCENARIOS.md). Nothing is skipped: a missing variable or tool fails.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import zlib from 'node:zlib';

export const LANG = 'node';

export function env(name) {
  const v = process.env[name];
  if (!v) assert.fail(`${name} is not set: run this suite through sdks/contract/run.sh`);
  return v;
}

export const prompt = (sid, text = 'a red fox runs through the snow') => `${sid} ${LANG}: ${text}`;

/** Asserts file is a valid H.264 MP4 of width x height, 120 frames, 5.0 s. */
export function probe(file, width, height) {
  let out;
  try {
    out = execFileSync('ffprobe', ['-v', 'error', '-count_frames', '-select_streams', 'v:0',
      '-show_entries', 'stream=codec_name,width,height,nb_read_frames', '-show_entries', 'format=duration,format_name',
      '-of', 'json', file], { encoding: 'utf8', timeout: 60000 });
  } catch (e) {
    assert.fail(e.code === 'ENOENT' ? 'ffprobe is not installed (apt-get install ffmpeg)' : `ffprobe failed: ${e.stderr || e}`);
  }
  const info = JSON.parse(out);
  const s = info.streams[0];
  assert.equal(s.codec_name, 'h264');
  assert.match(info.format.format_name, /mp4/);
  assert.deepEqual([s.width, s.height], [width, height]);
  assert.equal(Number(s.nb_read_frames), 120);
  assert.ok(Math.abs(Number(info.format.duration) - 5.0) <= 0.1, `duration ${info.format.duration}`);
}

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

/** A one-colour PNG made with zlib and CRC-32 only. */
export function png(width = 64, height = 64, rgb = [200, 80, 40]) {
  const chunk = (kind, data) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(kind, 'latin1'), data]);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0); ihdr.writeUInt32BE(height, 4); ihdr[8] = 8; ihdr[9] = 2;
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array(width).fill(rgb).flat())]);
  const raw = Buffer.concat(Array(height).fill(row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

export function closedPort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

/** A local webhook receiver: records every POST's raw body and headers, answers 200. */
export async function receiver() {
  const deliveries = [];
  const waiters = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      deliveries.push({ body: Buffer.concat(chunks), headers: req.headers });
      res.writeHead(200, { 'Content-Length': '0' }).end();
      waiters.splice(0).forEach((w) => w());
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: server.address().port,
    async awaitDelivery(match, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = deliveries.find(match);
        if (found) return found;
        if (Date.now() >= deadline) return null;
        await new Promise((r) => { waiters.push(r); setTimeout(r, Math.min(500, deadline - Date.now())); });
      }
    },
    close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }),
  };
}

export async function collect(iterable) {
  const out = [];
  for await (const x of iterable) out.push(x);
  return out;
}
