import type { ErrorCode } from './error-codes.js';

/**
 * The domain's error vocabulary: services throw these, and know nothing of HTTP. Each carries
 * a stable `code` that the dashboard renders in the reader's language, and the HTTP status it
 * maps to; the one handler in `http/errors.ts` turns them into `{ "error": { "code", "message" } }`.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }

  /** Fields the error body carries beside `code` and `message` (what the person can do next). */
  bodyFields(): Record<string, unknown> {
    return {};
  }
}
export class Invalid extends AppError {
  constructor(code: ErrorCode, message: string) {
    super(400, code, message);
  }
}
export class Unauthorized extends AppError {
  constructor(code: ErrorCode, message: string) {
    super(401, code, message);
  }
}
export class Forbidden extends AppError {
  constructor(code: ErrorCode, message: string) {
    super(403, code, message);
  }
}
export class NotFound extends AppError {
  constructor(code: ErrorCode, message: string) {
    super(404, code, message);
  }
}
export class Conflict extends AppError {
  constructor(code: ErrorCode, message: string) {
    super(409, code, message);
  }
}
export class TooManyRequests extends AppError {
  constructor(code: ErrorCode, message: string) {
    super(429, code, message);
  }
}

/**
 * A courier said no (to a label, a cancellation): its own messages travel with the error as
 * `courier_messages`, so the dashboard shows the courier's words (ours where we know the code).
 */
export class CourierRefused extends Conflict {
  constructor(
    message: string,
    readonly courierMessages: readonly { code: string; text: string }[],
  ) {
    super('courier_refused', message);
  }

  override bodyFields() {
    return { courier_messages: this.courierMessages };
  }
}
