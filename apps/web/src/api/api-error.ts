import type { ErrorCode, FieldError, LocalizedText } from '@zemag/contracts';

/** Failures that happen before or after the server answers with a problem. */
export const CLIENT_ERROR_CODES = ['client.network', 'client.unexpected_response'] as const;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];

/** Every code an `ApiError` can carry: the server's stable codes plus the client's own. */
export type ApiErrorCode = ErrorCode | ClientErrorCode;

/** A failed API call, with the server's stable `code` and the field errors it named. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  /** The server's message in both languages; the fallback when the app has no translation. */
  readonly detail: LocalizedText | undefined;
  readonly fieldErrors: readonly FieldError[];
  /** With 429: seconds until a retry can succeed, and when the answer came (to name the time). */
  readonly retryAfter: { seconds: number; at: Date } | undefined;

  constructor(options: {
    status: number;
    code: ApiErrorCode;
    detail?: LocalizedText;
    fieldErrors?: readonly FieldError[];
    retryAfter?: { seconds: number; at: Date } | undefined;
  }) {
    super(options.code);
    this.name = 'ApiError';
    this.status = options.status;
    this.code = options.code;
    this.detail = options.detail;
    this.fieldErrors = options.fieldErrors ?? [];
    this.retryAfter = options.retryAfter;
  }
}

/** True for the error that means "the session is gone: sign in again". */
export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'auth.unauthenticated';
}
