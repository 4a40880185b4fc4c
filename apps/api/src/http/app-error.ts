import { errorDetail, type ErrorCode, type FieldError } from '@zemag/contracts';

/**
 * An expected failure with a stable code; the error handler turns it into problem+json.
 * `field` names the one input at fault, so the answer says which field to correct.
 */
export class AppError extends Error {
  readonly errors: FieldError[] | undefined;

  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    options: { field?: string; errors?: FieldError[] } = {},
  ) {
    super(code);
    this.name = 'AppError';
    this.errors =
      options.errors ??
      (options.field ? [{ field: options.field, code, message: errorDetail(code) }] : undefined);
  }
}
