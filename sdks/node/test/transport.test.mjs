// What the contract cannot see from outside, against a local recording HTTP server (no appliance): the
// User-Agent, one Idempotency-Key across every retry of a POST, the retry count, Retry-After honoured.
import assert from 'node:assert/strict';
import http from 'node:http';
import { test } from 'node:test';
import util from 'node:util';

import * as rf from 'reelforge';
import { Reelforge, VERSION } from 'reelforge';

async function recorder(answers) {
  const requests = [];
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      requests.push({ method: req.method, headers: req.headers, at: Date.now() });
      const [status, headers, body] = answers.length > 1 ? answers.shift() : answers[0];
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body));
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}`, requests,
    close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }) };
}

const BUSY = [503, { 'Retry-After': '0' }, { error: { type: 'api_error', code: 'engine_not_ready', message: 'busy' } }];
const FULL = [429, { 'Retry-After': '1' }, { error: { type: 'rate_limit_error', code: 'concurrency_limit_exceeded', message: 'full' } }];
const JOB = [202, {}, { generation_id: 'g1', status: 'queued', estimated_seconds: 3 }];

test('a POST is retried with one Idempotency-Key, honouring Retry-After', async () => {
  const r = await recorder([BUSY, FULL, JOB]);
  try {
    const c = new Reelforge({ apiKey: 'rf_live_x', baseURL: r.url, maxRetries: 4, retryDelay: 0.2 });
    const job = await c.video.submit({ prompt: 'p' });
    assert.equal(job.generationId, 'g1');
    assert.equal(r.requests.length, 3);
    const keys = new Set(r.requests.map((q) => q.headers['idempotency-key']));
    assert.equal(keys.size, 1);
    assert.ok([...keys][0].length >= 16);
    assert.ok(r.requests.every((q) => q.headers['user-agent'] === `reelforge-node/${VERSION}`));
    assert.ok(r.requests[2].at - r.requests[1].at >= 900, 'Retry-After: 1 after the 429');
  } finally { await r.close(); }
});

test('gives up after maxRetries', async () => {
  const r = await recorder([BUSY]);
  try {
    const c = new Reelforge({ apiKey: 'rf_live_x', baseURL: r.url, maxRetries: 2, retryDelay: 0.1 });
    await assert.rejects(c.account.get(), (e) => e instanceof rf.ServerError && e.status === 503 && e.code === 'engine_not_ready');
    assert.equal(r.requests.length, 3);
  } finally { await r.close(); }
});

test('a Retry-After over a minute is not waited for', async () => {
  const r = await recorder([[429, { 'Retry-After': '3600' }, FULL[2]]]);
  try {
    const c = new Reelforge({ apiKey: 'rf_live_x', baseURL: r.url, maxRetries: 4, retryDelay: 0.1 });
    await assert.rejects(c.video.submit({ prompt: 'p' }), (e) => e instanceof rf.RateLimitError && e.retryAfter === 3600);
    assert.equal(r.requests.length, 1);
  } finally { await r.close(); }
});

test('key and base URL from the environment; the key is never shown', () => {
  const saved = { ...process.env };
  try {
    process.env.REELFORGE_API_KEY = 'rf_live_from_env';
    process.env.REELFORGE_BASE_URL = 'http://example.invalid:1234/';
    const c = new Reelforge();
    assert.equal(c.baseURL, 'http://example.invalid:1234');
    assert.ok(!util.inspect(c, { depth: 5 }).includes('rf_live_from_env'));
    delete process.env.REELFORGE_BASE_URL;
    assert.equal(new Reelforge().baseURL, 'http://localhost:8080');
    delete process.env.REELFORGE_API_KEY;
    assert.throws(() => new Reelforge(), rf.ReelforgeError);
  } finally { process.env = saved; }
});
