/**
 * The one error type. Anything a caller can act on is an ApiError with a code; the route wrapper
 * maps it to `{error: {code, message, details?}}` and its HTTP status. Anything else is a bug:
 * logged with the request id and answered with a generic 500.
 */
export const errorStatus = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  /** A cookie-authenticated write sent from another site's page (lib/api/same-origin.ts). */
  cross_origin: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** Field name → what is wrong with it, for forms to show next to each field. */
export type FieldErrors = Record<string, string>;

export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { fields?: FieldErrors; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.status = errorStatus[code];
  }

  toBody() {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.extra.fields ? { fields: this.extra.fields } : {}),
      },
    };
  }
}

export const notFound = (what = 'That') => new ApiError('not_found', `${what} was not found.`);
