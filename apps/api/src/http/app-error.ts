import { errorDetail, type ErrorCode, type FieldError, type LocalizedText } from '@zemag/contracts';

/**
 * An expected failure with a stable code; the error handler turns it into problem+json.
 * `field` names the one input at fault, so the answer says which field to correct.
 * `params` fill the `{{name}}` places of the code's text (e.g. `wait`); `retryAfterSeconds`
 * becomes the `Retry-After` header and the problem's `retryAfter` (429).
 */
export class AppError extends Error {
  readonly errors: FieldError[] | undefined;
  readonly detail: LocalizedText;
  readonly retryAfterSeconds: number | undefined;

  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    options: {
      field?: string;
      errors?: FieldError[];
      params?: Record<string, LocalizedText>;
      retryAfterSeconds?: number;
    } = {},
  ) {
    super(code);
    this.name = 'AppError';
    this.detail = errorDetail(code, options.params);
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.errors =
      options.errors ??
      (options.field ? [{ field: options.field, code, message: this.detail }] : undefined);
  }
}
