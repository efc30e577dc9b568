// The SDK contract scenarios S01..S17 (sdks/contract/SCENARIOS.md) against a real appliance, through the
// installed package (test.sh installs the npm pack tarball; "reelforge" resolves to it).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import util from 'node:util';
import { fileURLToPath } from 'node:url';

import * as rf from 'reelforge';
import { Reelforge } from 'reelforge';
import { closedPort, collect, env, png, probe, prompt, receiver } from './helpers.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const TERMINAL = ['completed', 'failed', 'canceled', 'expired'];
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'reelforge-node-'));
const instant = (iso) => {
  // ISO-8601 with up to nanoseconds: compare as numbers (strings of unequal precision do not sort)
  const [base, frac = '0'] = iso.replace(/Z$/, '').split('.');
  return Date.parse(base + 'Z') / 1000 + Number('0.' + frac);
};

const client = (keyVar = 'REELFORGE_API_KEY', opts = {}) =>
  new Reelforge({ apiKey: env(keyVar), baseURL: env('REELFORGE_BASE_URL'), retryDelay: 0.5, ...opts });

async function cancelQuietly(c, id) {
  try { await c.video.cancel(id); } catch (e) { if (!(e instanceof rf.ConflictError)) throw e; }
}

test('S01 submit, wait, save', async () => {
  const c = client();
  const job = await c.video.submit({ prompt: prompt('S01'), resolution: '720p', duration: 5, seed: 42 });
  assert.ok(job.generationId);
  assert.ok(['queued', 'processing'].includes(job.status));
  assert.ok(Number.isInteger(job.estimatedSeconds));
  const result = await c.video.wait(job.generationId, { timeout: 60 });
  assert.equal(result.status, 'completed');
  assert.equal(result.creditsUsed, 90);
  assert.match(result.outputUrl, /^http/);
  assert.match(result.thumbnailUrl, /^http/);
  const out = path.join(tmp(), 's01.mp4');
  await result.save(out);
  probe(out, 1280, 720);
  assert.ok((await result.download()).equals(fs.readFileSync(out)));
  assert.equal((await c.video.get(job.generationId)).status, 'completed');
});

test('S02a image-to-video from a path', async () => {
  const c = client();
  const dir = tmp();
  const image = path.join(dir, 'start.png');
  fs.writeFileSync(image, png());
  const job = await c.video.submit({ prompt: prompt('S02a', 'camera slowly zooms in'), image, resolution: '720p' });
  const result = await c.video.wait(job.generationId, { timeout: 60 });
  assert.equal(result.request.image, true);
  await result.save(path.join(dir, 's02.mp4'));
  probe(path.join(dir, 's02.mp4'), 1280, 720);
});

test('S02b image as bytes and as a stream', async () => {
  const c = client();
  for (const [sid, image] of [['S02b-bytes', png(64, 64, [10, 200, 10])],
    ['S02b-stream', Readable.from([png(64, 64, [10, 10, 200])])]]) {
    const job = await c.video.submit({ prompt: prompt(sid), image, resolution: '720p' });
    try {
      assert.equal((await c.video.get(job.generationId)).request.image, true);
    } finally {
      await cancelQuietly(c, job.generationId);
    }
  }
});

test('S03 quota of 1: generate retries through 429', async () => {
  const c = client('REELFORGE_QUOTA1_KEY', { maxRetries: 8, retryDelay: 0.5 });
  const a = await c.video.submit({ prompt: prompt('S03', 'job A'), resolution: '720p' });
  try {
    const started = Date.now();
    const b = await c.video.generate({ prompt: prompt('S03', 'job B'), resolution: '720p' }, { timeout: 60 });
    assert.equal(b.status, 'completed');
    const aNow = await c.video.get(a.generationId);
    assert.ok(TERMINAL.includes(aNow.status));
    assert.ok(instant(aNow.completedAt) <= instant(b.createdAt));
    assert.ok(Date.now() - started < 90000);
  } finally {
    await cancelQuietly(c, a.generationId);
  }
});

const dropped = async (flaky) => (await (await fetch(`${flaky}/__flaky/stats`)).json()).dropped;

test('S04 idempotent retry after a dropped connection charges once', async () => {
  const flaky = env('REELFORGE_FLAKY_URL').replace(/\/+$/, '');
  const c = new Reelforge({ apiKey: env('REELFORGE_API_KEY'), baseURL: flaky, maxRetries: 3, retryDelay: 0.5 });
  const direct = client();
  const unique = prompt('S04', `idempotency ${crypto.randomUUID()}`);
  const before = await dropped(flaky);
  const job = await c.video.submit({ prompt: unique, resolution: '720p' });
  try {
    assert.equal(await dropped(flaky), before + 1);
    const debits = (await collect(direct.account.ledger({ limit: 100 })))
      .filter((e) => e.kind === 'debit' && e.generationId === job.generationId);
    assert.equal(debits.length, 1);
    assert.equal(debits[0].amount, -90);
    const made = (await collect(direct.video.list({ limit: 100 }))).filter((g) => g.request.prompt === unique);
    assert.equal(made.length, 1);
  } finally {
    await cancelQuietly(direct, job.generationId);
  }
});

test('S05 authentication error (401)', async () => {
  const bad = 'rf_live_' + crypto.randomBytes(40).toString('base64url').slice(0, 50);
  const c = new Reelforge({ apiKey: bad, baseURL: env('REELFORGE_BASE_URL') });
  const e = await c.account.get().then(() => assert.fail('no error'), (x) => x);
  assert.ok(e instanceof rf.AuthenticationError);
  assert.equal(e.status, 401);
  assert.equal(e.code, 'invalid_api_key');
  for (const text of [e.message, String(e), e.stack, JSON.stringify(e), util.inspect(e), util.inspect(c, { depth: 4 })]) {
    assert.ok(!String(text).includes(bad), 'the key leaked');
  }
});

test('S06 insufficient credits (402)', async () => {
  await assert.rejects(client('REELFORGE_BROKE_KEY').video.submit({ prompt: prompt('S06'), resolution: '720p' }),
    (e) => e instanceof rf.InsufficientCreditsError && e.status === 402 && e.code === 'insufficient_credits');
});

test('S07 permission denied (403)', async () => {
  await assert.rejects(client('REELFORGE_RESTRICTED_KEY').video.submit({ prompt: prompt('S07'), resolution: '1080p' }),
    (e) => e instanceof rf.PermissionDeniedError && e.status === 403 && e.code === 'resolution_not_allowed'
      && e.param === 'resolution');
});

test('S08 not found (404)', async () => {
  await assert.rejects(client().video.get(crypto.randomUUID()),
    (e) => e instanceof rf.NotFoundError && e.status === 404 && e.code === 'generation.not_found');
});

test('S09 validation (422, with param)', async () => {
  await assert.rejects(client().video.submit({ prompt: prompt('S09'), resolution: '4k' }),
    (e) => e instanceof rf.ValidationError && e.status === 422 && e.code === 'unsupported_resolution'
      && e.param === 'resolution');
});

test('S10 rate limit (429) without retries', async () => {
  const c = client('REELFORGE_QUOTA1_KEY', { maxRetries: 0 });
  const a = await c.video.submit({ prompt: prompt('S10', 'job A'), resolution: '720p' });
  try {
    await assert.rejects(c.video.submit({ prompt: prompt('S10', 'job B'), resolution: '720p' }),
      (e) => e instanceof rf.RateLimitError && e.status === 429 && e.code === 'concurrency_limit_exceeded'
        && Number.isInteger(e.retryAfter) && e.retryAfter >= 1);
  } finally {
    await cancelQuietly(c, a.generationId);
  }
});

test('S11 connection error', async () => {
  const c = new Reelforge({ apiKey: env('REELFORGE_API_KEY'), baseURL: `http://127.0.0.1:${await closedPort()}`,
    maxRetries: 1, retryDelay: 0.1 });
  const started = Date.now();
  await assert.rejects(c.account.get(), (e) => e instanceof rf.APIConnectionError);
  assert.ok(Date.now() - started < 10000);
});

test('S12 timeout from wait', async () => {
  const c = client();
  const job = await c.video.submit({ prompt: prompt('S12'), resolution: '720p' });
  try {
    const started = Date.now();
    await assert.rejects(c.video.wait(job.generationId, { timeout: 0.5 }), (e) => e instanceof rf.APITimeoutError);
    assert.ok(Date.now() - started < 5000);
  } finally {
    await cancelQuietly(c, job.generationId);
  }
});

test('S13 cancel refunds', async () => {
  const c = client();
  const b0 = (await c.account.get()).balance;
  const job = await c.video.submit({ prompt: prompt('S13'), resolution: '720p' });
  assert.equal((await c.account.get()).balance, b0 - 90);
  assert.equal((await c.video.cancel(job.generationId)).status, 'canceled');
  assert.equal((await c.account.get()).balance, b0);
  const mine = (await collect(c.account.ledger({ limit: 100 }))).filter((e) => e.generationId === job.generationId);
  assert.deepEqual(mine.map((e) => [e.kind, e.amount]).sort(), [['debit', -90], ['refund', 90]]);
  await assert.rejects(c.video.wait(job.generationId, { timeout: 10 }),
    (e) => e instanceof rf.GenerationFailedError && e.status === 'canceled' && e.errorCode === 'canceled'
      && !!e.errorMessage);
  await assert.rejects(c.video.cancel(job.generationId),
    (e) => e instanceof rf.ConflictError && e.status === 409 && e.code === 'generation.not_cancelable');
});

test('S14a webhooks: a real delivery verifies, a tampered one does not', async () => {
  const c = client();
  const rx = await receiver();
  const endpoint = await c.webhooks.create({ url: `http://127.0.0.1:${rx.port}/hook`, events: ['video.completed'] });
  try {
    assert.match(endpoint.id, /^we_/);
    assert.match(endpoint.secret, /^whsec_/);
    assert.ok((await collect(c.webhooks.list())).some((e) => e.id === endpoint.id));
    const fetched = await c.webhooks.get(endpoint.id);
    assert.equal(fetched.id, endpoint.id);
    assert.equal(fetched.secret, undefined);
    const job = await c.video.submit({ prompt: prompt('S14'), resolution: '720p' });
    await c.video.wait(job.generationId, { timeout: 60 });
    const found = await rx.awaitDelivery((d) => d.body.includes(job.generationId), 30000);
    assert.ok(found, 'no webhook delivery for the job within 30 s');
    const event = c.webhooks.verify(found.body, found.headers, endpoint.secret);
    assert.equal(event.type, 'video.completed');
    assert.equal(event.data.generation_id, job.generationId);
    assert.equal(rf.verify(found.body.toString(), found.headers, endpoint.secret).type, 'video.completed');
    const tampered = Buffer.from(found.body.toString().replace('video.completed', 'video.complete!'));
    assert.ok(!tampered.equals(found.body));
    assert.throws(() => c.webhooks.verify(tampered, found.headers, endpoint.secret), rf.WebhookVerificationError);
    const badSig = { ...found.headers, 'webhook-signature': 'v1,' + 'A'.repeat(43) + '=' };
    assert.throws(() => c.webhooks.verify(found.body, badSig, endpoint.secret), rf.WebhookVerificationError);
    const other = 'whsec_' + crypto.randomBytes(24).toString('base64');
    assert.throws(() => c.webhooks.verify(found.body, found.headers, other), rf.WebhookVerificationError);
  } finally {
    await c.webhooks.delete(endpoint.id);
    await rx.close();
  }
  await assert.rejects(c.webhooks.get(endpoint.id), rf.NotFoundError);
});

test('S15 list with auto-pagination', async () => {
  const c = client();
  const ids = [];
  for (let i = 0; i < 3; i++) {
    const job = await c.video.submit({ prompt: prompt('S15', `page item ${i}`), resolution: '720p' });
    ids.push(job.generationId);
    await c.video.cancel(job.generationId);
  }
  const items = await collect(c.video.list({ status: 'canceled', limit: 2 }));
  const seen = items.map((g) => g.generationId);
  assert.ok(items.length > 2);
  assert.equal(new Set(seen).size, seen.length);
  for (const id of ids) assert.ok(seen.includes(id));
  assert.ok(items.every((g) => g.status === 'canceled'));
  const created = items.map((g) => instant(g.createdAt));
  assert.deepEqual(created, [...created].sort((x, y) => y - x));
});

test('S16 account and ledger', async () => {
  const c = client();
  const account = await c.account.get();
  assert.equal(account.plan.id, 'starter');
  assert.ok(Number.isInteger(account.balance));
  assert.equal(account.limits.maxConcurrentJobs, 5);
  const entries = await collect(c.account.ledger({ limit: 7 }));
  assert.ok(entries.length > 0);
  assert.ok(entries.every((e) => ['grant', 'debit', 'refund', 'adjustment'].includes(e.kind) && Number.isInteger(e.amount)));
  assert.equal(entries.reduce((s, e) => s + e.amount, 0), (await c.account.get()).balance);
});

test('S17 the reference page snippet runs and saves output.mp4', async () => {
  const source = fs.readFileSync(path.join(HERE, '..', 'examples', 'quickstart.mjs'), 'utf8');
  const readme = fs.readFileSync(path.join(HERE, '..', 'README.md'), 'utf8');
  for (const line of source.split('\n')) assert.ok(readme.includes(line), `README.md does not show the snippet: ${line}`);
  // next to the tests so that "reelforge" resolves to the installed package; run in an empty folder
  const script = path.join(HERE, 'snippet.generated.mjs');
  fs.writeFileSync(script, source);
  const dir = tmp();
  const stdout = execFileSync(process.execPath, [script], { cwd: dir, encoding: 'utf8', timeout: 120000,
    env: { ...process.env, REELFORGE_API_KEY: env('REELFORGE_API_KEY'), REELFORGE_BASE_URL: env('REELFORGE_BASE_URL') } });
  assert.match(stdout, /^Video saved: http/m);
  probe(path.join(dir, 'output.mp4'), 1920, 1080);
});

test('S14b webhook verify: the Standard Webhooks published vector', () => {
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const payload = '{"test": 2432232314}';
  const now = 1614265330;
  const headers = { 'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek', 'webhook-timestamp': '1614265330',
    'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=' };
  assert.equal(rf.verify(payload, headers, secret, { now }).test, 2432232314);
  const two = new Headers({ ...headers, 'webhook-signature': `v1,${'A'.repeat(43)}= ${headers['webhook-signature']}` });
  assert.equal(rf.verify(Buffer.from(payload), two, secret, { now }).test, 2432232314);
  for (const skew of [301, -301]) {
    assert.throws(() => rf.verify(payload, headers, secret, { now: now + skew }), rf.WebhookVerificationError);
  }
});
