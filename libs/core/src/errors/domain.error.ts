/**
 * What kind of failure a domain error is. The HTTP layer maps kinds to status codes in one place
 * (apps/api/src/http/error.filter.ts); domain code never speaks HTTP.
 */
export type ErrorKind =
  | 'INVALID' // 400: the request itself is malformed
  | 'UNAUTHENTICATED' // 401
  | 'FORBIDDEN' // 403
  | 'NOT_FOUND' // 404
  | 'CONFLICT' // 409: illegal state transition, duplicate
  | 'UNPROCESSABLE' // 422: well-formed but breaks a business rule
  | 'PAYLOAD_TOO_LARGE' // 413
  | 'RATE_LIMITED' // 429
  | 'UNAVAILABLE' // 503
  | 'INSUFFICIENT_STORAGE'; // 507: the server has no room to keep what was sent

/**
 * Base of every typed domain error: a stable, English-readable `code` for programs (e.g.
 * TASK_NOT_ASSIGNEE), a Chinese `message` for people, optional structured `details`.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, 'NOT_FOUND', message, details);
  }
}
