// ESM entry: the same classes as the CommonJS build (one implementation, so `instanceof` agrees across both).
import cjs from './index.cjs';

export const {
  Reelforge, Video, Account, Webhooks, Generation, verify, VERSION,
  ReelforgeError, APIError, AuthenticationError, InsufficientCreditsError, PermissionDeniedError, NotFoundError,
  ConflictError, ValidationError, RateLimitError, ServerError, APIConnectionError, APITimeoutError,
  GenerationFailedError, WebhookVerificationError,
} = cjs;
export default Reelforge;
