// Types of the reelforge package (hand-written; the implementation is lib/index.cjs).

export declare const VERSION: string;

export interface ClientOptions {
  /** Default: REELFORGE_API_KEY. */
  apiKey?: string;
  /** The host root, e.g. http://localhost:8080. Default: REELFORGE_BASE_URL, then http://localhost:8080. */
  baseURL?: string;
  /** 429/503 answers and connection errors are retried this many times. Default 4. */
  maxRetries?: number;
  /** First backoff in seconds, doubling up to 60 (or Retry-After when that is longer). Default 5. */
  retryDelay?: number;
  /** Seconds per HTTP request. Default 60. */
  timeout?: number;
}

export interface GenerateParams {
  prompt: string;
  resolution?: '720p' | '1080p' | string;
  duration?: number;
  /** A path, bytes, a Blob or a readable stream: sent as multipart (image-to-video). */
  image?: string | URL | Uint8Array | ArrayBuffer | Blob | AsyncIterable<Uint8Array>;
  cameraFixed?: boolean;
  aspectRatio?: '16:9' | '9:16' | '1:1' | string;
  seed?: number;
  negativePrompt?: string;
  webhookUrl?: string;
}

export interface WaitOptions {
  /** Seconds before APITimeoutError. Default 600. */
  timeout?: number;
  /** Seconds between polls when the appliance does not hold the request. Default 2. */
  pollInterval?: number;
}

export type GenerationStatus = 'queued' | 'processing' | 'completed' | 'failed' | 'canceled' | 'expired';

export interface GenerationRequest {
  prompt: string;
  negativePrompt: string;
  resolution: string;
  aspectRatio: string;
  duration: number;
  cameraFixed: boolean;
  seed: number;
  image: boolean;
  width: number;
  height: number;
  fps: number;
  frames: number;
}

export declare class Generation {
  readonly raw: Record<string, unknown>;
  generationId: string;
  status: GenerationStatus;
  queuePosition: number | null;
  estimatedSeconds: number;
  progress: number;
  creditsUsed: number;
  processingMs: number;
  outputUrl: string | null;
  thumbnailUrl: string | null;
  expiresAt: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
  engine: string;
  mode: 'live' | 'test';
  request: GenerationRequest;
  [field: string]: unknown;
  readonly done: boolean;
  wait(options?: WaitOptions): Promise<Generation>;
  download(): Promise<Buffer>;
  downloadThumbnail(): Promise<Buffer>;
  save(file: string): Promise<Generation>;
}

export declare class Video {
  /** Submits and resolves at once with the job. */
  submit(params: GenerateParams, options?: { idempotencyKey?: string }): Promise<Generation>;
  /** Submits and awaits completion (the reference snippet): the completed generation. */
  generate(params: GenerateParams, options?: WaitOptions & { idempotencyKey?: string }): Promise<Generation>;
  get(id: string): Promise<Generation>;
  wait(id: string, options?: WaitOptions): Promise<Generation>;
  cancel(id: string): Promise<Generation>;
  list(options?: { status?: GenerationStatus; limit?: number }): AsyncGenerator<Generation>;
}

export interface LedgerEntry {
  id: string;
  kind: 'grant' | 'debit' | 'refund' | 'adjustment';
  amount: number;
  generationId: string | null;
  reason: string | null;
  actor: string | null;
  createdAt: string;
}

export interface AccountInfo {
  accountId: string;
  name: string;
  status: string;
  balance: number;
  inFlight: number;
  plan: { id: string; name: string; creditsPerClip: number; creditsPerPeriod: number; videoAllowed: boolean };
  limits: { maxConcurrentJobs: number; dailyClipCap: number | null; allowedResolutions: string[] };
  key: { mode: 'live' | 'test'; prefix: string };
  [field: string]: unknown;
}

export declare class Account {
  get(): Promise<AccountInfo>;
  ledger(options?: { limit?: number }): AsyncGenerator<LedgerEntry>;
}

export interface WebhookEndpoint {
  id: string;
  url: string;
  events: string[];
  status: string;
  description?: string | null;
  /** Only in the answer of create / rotateSecret. */
  secret?: string;
  [field: string]: unknown;
}

export interface WebhookEvent {
  type: string;
  timestamp: string;
  /** The GET /v1/video/{id} body, as sent (snake_case). */
  data: Record<string, any>;
}

export type HeadersLike = Record<string, string | string[] | undefined> | { get(name: string): string | null };

export declare function verify(payload: string | Uint8Array, headers: HeadersLike, secret: string,
  options?: { tolerance?: number; now?: number }): WebhookEvent;

export declare class Webhooks {
  create(params: { url: string; events?: string[]; description?: string }): Promise<WebhookEndpoint>;
  list(): AsyncGenerator<WebhookEndpoint>;
  get(id: string): Promise<WebhookEndpoint>;
  delete(id: string): Promise<void>;
  rotateSecret(id: string): Promise<{ secret: string; previousSecretValidUntil: string | null }>;
  enable(id: string): Promise<WebhookEndpoint>;
  signingKey(): Promise<{ secret: string; previousSecretValidUntil: string | null }>;
  deliveries(options?: { endpointId?: string; limit?: number }): AsyncGenerator<Record<string, any>>;
  delivery(id: string): Promise<Record<string, any>>;
  redeliver(id: string): Promise<Record<string, any>>;
  verify(payload: string | Uint8Array, headers: HeadersLike, secret: string,
    options?: { tolerance?: number; now?: number }): WebhookEvent;
}

export declare class Reelforge {
  constructor(options?: ClientOptions);
  readonly baseURL: string;
  maxRetries: number;
  retryDelay: number;
  timeout: number;
  video: Video;
  account: Account;
  webhooks: Webhooks;
}
export default Reelforge;

export declare class ReelforgeError extends Error {}
export declare class APIError extends ReelforgeError {
  status: number;
  type: string | null;
  code: string | null;
  param: string | null;
  requestId: string | null;
  body: unknown;
}
export declare class AuthenticationError extends APIError {}
export declare class InsufficientCreditsError extends APIError {}
export declare class PermissionDeniedError extends APIError {}
export declare class NotFoundError extends APIError {}
export declare class ConflictError extends APIError {}
export declare class ValidationError extends APIError {}
export declare class RateLimitError extends APIError {
  retryAfter: number | null;
}
export declare class ServerError extends APIError {}
export declare class APIConnectionError extends ReelforgeError {}
export declare class APITimeoutError extends ReelforgeError {}
export declare class WebhookVerificationError extends ReelforgeError {}
export declare class GenerationFailedError extends ReelforgeError {
  generation: Generation;
  generationId: string;
  status: GenerationStatus;
  errorCode: string | null;
  errorMessage: string | null;
}
