'use strict';
// The Node SDK of a Reelforge appliance. Zero runtime dependencies: global fetch, FormData and Blob (Node >= 18).
// One implementation (this file); lib/index.mjs re-exports it for ESM, lib/index.d.ts types it.

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const VERSION = '0.1.0';
const DEFAULT_BASE_URL = 'http://localhost:8080';
const MAX_BACKOFF = 60;
const TERMINAL_FAILED = ['failed', 'canceled', 'expired'];
const TOLERANCE_SECONDS = 300;

// ---- errors --------------------------------------------------------------------------------------------------

class ReelforgeError extends Error {
  constructor(message) {
    super(message);
    this.name = new.target.name;
  }
}

class APIError extends ReelforgeError {
  constructor(message, { status, type = null, code = null, param = null, requestId = null, body = null } = {}) {
    super(`${status} ${code || type || 'error'}: ${message}${param ? ` (param: ${param})` : ''}`);
    this.status = status;
    this.type = type;
    this.code = code;
    this.param = param;
    this.requestId = requestId;
    this.body = body;
  }
}
class AuthenticationError extends APIError {}
class InsufficientCreditsError extends APIError {}
class PermissionDeniedError extends APIError {}
class NotFoundError extends APIError {}
class ConflictError extends APIError {}
class ValidationError extends APIError {}
class RateLimitError extends APIError {
  constructor(message, opts = {}) {
    super(message, opts);
    this.retryAfter = opts.retryAfter ?? null;
  }
}
class ServerError extends APIError {}
class APIConnectionError extends ReelforgeError {}
class APITimeoutError extends ReelforgeError {}
class WebhookVerificationError extends ReelforgeError {}
class GenerationFailedError extends ReelforgeError {
  constructor(generation) {
    super(`generation ${generation.generationId} ended ${generation.status} (${generation.errorCode}: ${generation.errorMessage})`);
    this.generation = generation;
    this.generationId = generation.generationId;
    this.status = generation.status;
    this.errorCode = generation.errorCode ?? null;
    this.errorMessage = generation.errorMessage ?? null;
  }
}

const BY_STATUS = {
  400: ValidationError, 401: AuthenticationError, 402: InsufficientCreditsError, 403: PermissionDeniedError,
  404: NotFoundError, 409: ConflictError, 422: ValidationError, 429: RateLimitError,
};

function errorFor(status, body, requestId, retryAfter) {
  const e = body && typeof body === 'object' && body.error && typeof body.error === 'object'
    ? body.error : { message: `HTTP ${status} without an error body` };
  const Cls = BY_STATUS[status] || (status >= 500 ? ServerError : APIError);
  return new Cls(String(e.message || `HTTP ${status}`), {
    status, type: e.type ?? null, code: e.code ?? null, param: e.param ?? null, requestId, body, retryAfter,
  });
}

// ---- answers as objects ----------------------------------------------------------------------------------------

const camel = (k) => k.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());

/** The JSON with camelCase keys (generation_id -> generationId), recursively. */
function camelize(value) {
  if (Array.isArray(value)) return value.map(camelize);
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[camel(k)] = camelize(v);
    return out;
  }
  return value;
}

/**
 * A job. Its fields are the API's in camelCase (generationId, status, estimatedSeconds, outputUrl, request, ...);
 * `raw` is the JSON as sent. save() and download() wait for completion first.
 */
class Generation {
  constructor(raw, video) {
    Object.defineProperty(this, '_video', { value: video, enumerable: false });
    Object.defineProperty(this, 'raw', { value: raw, enumerable: false });
    Object.assign(this, camelize(raw));
  }

  get done() {
    return this.status === 'completed' || TERMINAL_FAILED.includes(this.status);
  }

  /** Blocks until the job ends: the completed generation, or GenerationFailedError. */
  wait(options) {
    return this._video.wait(this.generationId, options);
  }

  async _completed() {
    return this.status === 'completed' && this.outputUrl ? this : this.wait();
  }

  /** The MP4's bytes (waits for completion first). */
  async download() {
    return this._video._client._download((await this._completed()).outputUrl);
  }

  /** The JPEG poster frame's bytes (waits for completion first). */
  async downloadThumbnail() {
    return this._video._client._download((await this._completed()).thumbnailUrl);
  }

  /** Writes the MP4 to `file` (waits for completion first); resolves to the completed generation. */
  async save(file) {
    const done = await this._completed();
    await fs.promises.writeFile(file, await this._video._client._download(done.outputUrl));
    return done;
  }
}

// ---- the client ----------------------------------------------------------------------------------------------

const sleep = (seconds) => new Promise((r) => setTimeout(r, Math.max(0, seconds) * 1000));

function retryAfterOf(response) {
  const v = response.headers.get('retry-after');
  if (v == null || !/^\d+$/.test(v.trim())) return null;
  return parseInt(v, 10);
}

function isTimeout(err) {
  return err && (err.name === 'TimeoutError' || err.name === 'AbortError');
}

class Reelforge {
  /**
   * @param {object} [options]
   * apiKey (default REELFORGE_API_KEY), baseURL (the host root; default REELFORGE_BASE_URL, then
   * http://localhost:8080), maxRetries (4), retryDelay (seconds, 5), timeout (seconds per request, 60).
   */
  constructor({ apiKey, baseURL, maxRetries = 4, retryDelay = 5, timeout = 60 } = {}) {
    const key = apiKey || process.env.REELFORGE_API_KEY;
    if (!key) throw new ReelforgeError('no API key: pass { apiKey } or set REELFORGE_API_KEY');
    // kept out of enumeration, so console.log(client) and JSON.stringify never show it
    Object.defineProperty(this, '_key', { value: key, enumerable: false });
    this.baseURL = (baseURL || process.env.REELFORGE_BASE_URL || DEFAULT_BASE_URL).replace(/\/+$/, '');
    this.maxRetries = maxRetries;
    this.retryDelay = retryDelay;
    this.timeout = timeout;
    this.video = new Video(this);
    this.account = new Account(this);
    this.webhooks = new Webhooks(this);
  }

  _backoff(attempt, retryAfter) {
    // never sooner than the appliance asks, nor than the doubling backoff (a repeated Retry-After: 1 while a render
    // overruns its estimate would otherwise spend every retry in a few seconds)
    const backoff = Math.min(this.retryDelay * 2 ** attempt, MAX_BACKOFF);
    return retryAfter != null ? Math.max(retryAfter, backoff) : backoff;
  }

  async _request(method, urlPath, { json, form, query, headers = {}, timeout, idempotencyKey } = {}) {
    const url = new URL(this.baseURL + urlPath);
    for (const [k, v] of Object.entries(query || {})) if (v != null) url.searchParams.set(k, String(v));
    const hdrs = {
      Authorization: `Bearer ${this._key}`, 'User-Agent': `reelforge-node/${VERSION}`, Accept: 'application/json',
      ...headers,
    };
    if (method === 'POST') hdrs['Idempotency-Key'] = idempotencyKey || crypto.randomUUID();
    if (json !== undefined) hdrs['Content-Type'] = 'application/json';
    for (let attempt = 0; ; attempt++) {
      let response;
      try {
        response = await fetch(url, {
          method, headers: hdrs,
          body: json !== undefined ? JSON.stringify(json) : form ? form() : undefined,
          signal: AbortSignal.timeout((timeout ?? this.timeout) * 1000),
        });
      } catch (err) {
        if (attempt < this.maxRetries) { await sleep(this._backoff(attempt, null)); continue; }
        if (isTimeout(err)) throw new APITimeoutError(`${method} ${urlPath} timed out`);
        const cause = err && err.cause ? (err.cause.code || err.cause.message) : err && err.message;
        throw new APIConnectionError(`${method} ${urlPath}: cannot reach ${this.baseURL} (${cause})`);
      }
      if (response.status < 400) return response;
      const retryAfter = retryAfterOf(response);
      if ((response.status === 429 || response.status === 503) && attempt < this.maxRetries
          && (retryAfter == null || retryAfter <= MAX_BACKOFF)) {
        await response.arrayBuffer().catch(() => null);
        await sleep(this._backoff(attempt, retryAfter));
        continue;
      }
      let body = null;
      try { body = await response.json(); } catch { /* not JSON */ }
      throw errorFor(response.status, body, response.headers.get('x-request-id'), retryAfter);
    }
  }

  async _json(method, urlPath, opts) {
    const response = await this._request(method, urlPath, opts);
    const text = await response.text();
    return text ? JSON.parse(text) : null;
  }

  async *_pages(urlPath, query = {}) {
    const q = { ...query };
    for (;;) {
      const page = await this._json('GET', urlPath, { query: q });
      for (const item of page.data || []) yield item;
      if (!page.has_more || !page.next_cursor) return;
      q.cursor = page.next_cursor;
    }
  }

  // Signed file URLs need no key and may be on another host (a CDN): the key is never sent there.
  async _download(url) {
    for (let attempt = 0; ; attempt++) {
      let response;
      try {
        response = await fetch(url, {
          headers: { 'User-Agent': `reelforge-node/${VERSION}` }, signal: AbortSignal.timeout(this.timeout * 1000),
        });
      } catch (err) {
        if (attempt < this.maxRetries) { await sleep(this._backoff(attempt, null)); continue; }
        throw isTimeout(err) ? new APITimeoutError('download timed out') : new APIConnectionError('download failed');
      }
      if (response.status >= 400) {
        let body = null;
        try { body = await response.json(); } catch { /* not JSON */ }
        throw errorFor(response.status, body, response.headers.get('x-request-id'), null);
      }
      return Buffer.from(await response.arrayBuffer());
    }
  }
}

// ---- video ----------------------------------------------------------------------------------------------------

const FIELDS = {
  prompt: 'prompt', resolution: 'resolution', duration: 'duration', cameraFixed: 'camera_fixed',
  camera_fixed: 'camera_fixed', aspectRatio: 'aspect_ratio', aspect_ratio: 'aspect_ratio', seed: 'seed',
  negativePrompt: 'negative_prompt', negative_prompt: 'negative_prompt', webhookUrl: 'webhook_url',
  webhook_url: 'webhook_url',
};

async function imageBytes(image) {
  if (typeof image === 'string' || image instanceof URL) {
    return { data: await fs.promises.readFile(image), name: path.basename(String(image)) };
  }
  if (image instanceof Uint8Array) return { data: Buffer.from(image), name: 'image' };
  if (image instanceof ArrayBuffer) return { data: Buffer.from(image), name: 'image' };
  if (typeof Blob !== 'undefined' && image instanceof Blob) {
    return { data: Buffer.from(await image.arrayBuffer()), name: image.name || 'image' };
  }
  if (image && typeof image[Symbol.asyncIterator] === 'function') {
    const chunks = [];
    for await (const c of image) chunks.push(Buffer.from(c));
    return { data: Buffer.concat(chunks), name: typeof image.path === 'string' ? path.basename(image.path) : 'image' };
  }
  throw new TypeError('image must be a path, a Buffer/Uint8Array, a Blob or a readable stream');
}

function imageType(data, name) {
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return ['image/png', '.png'];
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return ['image/jpeg', '.jpg'];
  if (data.subarray(0, 4).toString('latin1') === 'RIFF' && data.subarray(8, 12).toString('latin1') === 'WEBP') return ['image/webp', '.webp'];
  return ['application/octet-stream', path.extname(name)];
}

class Video {
  constructor(client) {
    this._client = client;
  }

  async _body(params) {
    if (!params || typeof params !== 'object') throw new TypeError('generate takes an object: { prompt, ... }');
    const fields = {};
    for (const [k, v] of Object.entries(params)) {
      if (k === 'image' || v == null) continue;
      const wire = FIELDS[k];
      if (!wire) throw new TypeError(`unknown generate parameter: ${k}`);
      fields[wire] = v;
    }
    if (params.image == null) return { json: fields };
    const { data, name } = await imageBytes(params.image);
    const [type, ext] = imageType(data, name);
    const fileName = path.extname(name) ? name : name + ext;
    // a fresh FormData per attempt (a body is consumed once); the appliance matches replays by parts, not boundary
    const form = () => {
      const fd = new FormData();
      for (const [k, v] of Object.entries(fields)) fd.append(k, String(v));
      fd.append('image', new Blob([data], { type }), fileName);
      return fd;
    };
    return { form };
  }

  /** Submits a job and resolves at once with it (generationId, status, estimatedSeconds, ...). */
  async submit(params, { idempotencyKey } = {}) {
    const body = await this._body(params);
    return new Generation(await this._client._json('POST', '/v1/video/generate', { ...body, idempotencyKey }), this);
  }

  /**
   * Submits a job and awaits its completion, as the reference page's snippet does: resolves with the completed
   * generation (outputUrl, save(), download()); rejects with GenerationFailedError if it fails.
   */
  async generate(params, { timeout = 600, pollInterval = 2, idempotencyKey } = {}) {
    const job = await this.submit(params, { idempotencyKey });
    return this.wait(job.generationId, { timeout, pollInterval });
  }

  async get(id) {
    return new Generation(await this._client._json('GET', `/v1/video/${encodeURIComponent(id)}`), this);
  }

  /**
   * Waits (long-polls with `Prefer: wait`) until the job ends. Resolves with the completed generation; rejects
   * with GenerationFailedError when it ends failed, canceled or expired, APITimeoutError after `timeout` s.
   */
  async wait(id, { timeout = 600, pollInterval = 2 } = {}) {
    const deadline = Date.now() + timeout * 1000;
    for (;;) {
      const remaining = (deadline - Date.now()) / 1000;
      if (remaining <= 0) throw new APITimeoutError(`generation ${id} did not end within ${timeout} s`);
      const hold = Math.floor(Math.min(60, remaining));
      const response = await this._client._request('GET', `/v1/video/${encodeURIComponent(id)}`, {
        headers: hold >= 1 ? { Prefer: `wait=${hold}` } : {},
        timeout: Math.max(this._client.timeout, hold + 30),
      });
      const gen = new Generation(await response.json(), this);
      if (gen.status === 'completed') return gen;
      if (TERMINAL_FAILED.includes(gen.status)) throw new GenerationFailedError(gen);
      if (hold < 1 || !response.headers.get('preference-applied')) {
        await sleep(Math.min(pollInterval, (deadline - Date.now()) / 1000));
      }
    }
  }

  async cancel(id) {
    return new Generation(await this._client._json('POST', `/v1/video/${encodeURIComponent(id)}/cancel`), this);
  }

  /** Every generation, newest first, page after page: `for await (const g of client.video.list({ limit }))`. */
  async *list({ status, limit } = {}) {
    for await (const item of this._client._pages('/v1/video', { status, limit })) yield new Generation(item, this);
  }
}

class Account {
  constructor(client) {
    this._client = client;
  }

  async get() {
    return camelize(await this._client._json('GET', '/v1/account'));
  }

  /** Every ledger entry (kind, signed amount, generationId, ...), newest first, page after page. */
  async *ledger({ limit } = {}) {
    for await (const e of this._client._pages('/v1/account/ledger', { limit })) yield camelize(e);
  }
}

// ---- webhooks --------------------------------------------------------------------------------------------------

function headerOf(headers, name) {
  if (!headers) return null;
  if (typeof headers.get === 'function') return headers.get(name);
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase() === name) return Array.isArray(v) ? v[0] : v;
  }
  return null;
}

/**
 * Standard Webhooks check of a delivery: `payload` is the raw body (string or Buffer, before any JSON parsing),
 * `headers` the request's headers (an object or a Headers), `secret` the whsec_ secret. Returns the parsed event
 * as sent ({ type, timestamp, data }); throws WebhookVerificationError.
 */
function verify(payload, headers, secret, { tolerance = TOLERANCE_SECONDS, now } = {}) {
  const body = Buffer.isBuffer(payload) || payload instanceof Uint8Array ? Buffer.from(payload).toString('utf8') : String(payload);
  const id = headerOf(headers, 'webhook-id');
  const timestamp = headerOf(headers, 'webhook-timestamp');
  const signatures = headerOf(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures) {
    throw new WebhookVerificationError('missing webhook-id, webhook-timestamp or webhook-signature header');
  }
  if (!/^\d+$/.test(timestamp)) throw new WebhookVerificationError('webhook-timestamp is not a number');
  const current = now ?? Date.now() / 1000;
  if (Math.abs(current - Number(timestamp)) > tolerance) {
    throw new WebhookVerificationError(`webhook-timestamp is more than ${tolerance} s away from now`);
  }
  const key = Buffer.from(String(secret).replace(/^whsec_/, ''), 'base64');
  const expected = crypto.createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  for (const entry of signatures.split(' ')) {
    const [version, sig] = entry.split(',', 2);
    if (version !== 'v1' || !sig) continue;
    const given = Buffer.from(sig, 'base64');
    if (given.length === expected.length && crypto.timingSafeEqual(given, expected)) {
      try { return JSON.parse(body); } catch { throw new WebhookVerificationError('the signed payload is not JSON'); }
    }
  }
  throw new WebhookVerificationError('no matching signature');
}

class Webhooks {
  constructor(client) {
    this._client = client;
  }

  /** A new endpoint; its `secret` (whsec_...) is in this answer only. */
  async create({ url, events, description }) {
    const json = { url };
    if (events != null) json.events = events;
    if (description != null) json.description = description;
    return camelize(await this._client._json('POST', '/v1/webhooks', { json }));
  }

  async *list() {
    for await (const e of this._client._pages('/v1/webhooks')) yield camelize(e);
  }

  async get(id) {
    return camelize(await this._client._json('GET', `/v1/webhooks/${encodeURIComponent(id)}`));
  }

  async delete(id) {
    await this._client._request('DELETE', `/v1/webhooks/${encodeURIComponent(id)}`);
  }

  async rotateSecret(id) {
    return camelize(await this._client._json('POST', `/v1/webhooks/${encodeURIComponent(id)}/rotate-secret`));
  }

  async enable(id) {
    return camelize(await this._client._json('POST', `/v1/webhooks/${encodeURIComponent(id)}/enable`));
  }

  /** Creates or rotates the account's key for per-job webhookUrls (secret shown once). */
  async signingKey() {
    return camelize(await this._client._json('POST', '/v1/webhooks/signing-key'));
  }

  async *deliveries({ endpointId, limit } = {}) {
    const p = endpointId ? `/v1/webhooks/${encodeURIComponent(endpointId)}/deliveries` : '/v1/webhooks/deliveries';
    for await (const d of this._client._pages(p, { limit })) yield camelize(d);
  }

  async delivery(id) {
    return camelize(await this._client._json('GET', `/v1/webhooks/deliveries/${encodeURIComponent(id)}`));
  }

  async redeliver(id) {
    return camelize(await this._client._json('POST', `/v1/webhooks/deliveries/${encodeURIComponent(id)}/redeliver`));
  }

  verify(payload, headers, secret, options) {
    return verify(payload, headers, secret, options);
  }
}

module.exports = {
  Reelforge, Video, Account, Webhooks, Generation, verify, VERSION,
  ReelforgeError, APIError, AuthenticationError, InsufficientCreditsError, PermissionDeniedError, NotFoundError,
  ConflictError, ValidationError, RateLimitError, ServerError, APIConnectionError, APITimeoutError,
  GenerationFailedError, WebhookVerificationError,
};
module.exports.default = Reelforge;
