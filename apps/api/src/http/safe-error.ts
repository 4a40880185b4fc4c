/**
 * Errors as they may be written to a log: their class, code and stack frames, and a message
 * only where the message cannot carry register data. A database error's message and
 * properties can (drizzle's "Failed query: … params: …", PostgreSQL's "Key (username)=(x)
 * already exists", "invalid input syntax for type uuid: "…"", `detail`, `where`, `params`),
 * so for those only the SQLSTATE is kept. Nothing else of the error object is copied.
 */
export interface SafeError {
  [key: string]: unknown;
  type: string;
  code?: string;
  message: string;
  /** Only the "at …" frames ('' when there are none). */
  stack: string;
  cause?: SafeError;
}

/** PostgreSQL's five-character SQLSTATE, e.g. 23505 or 22P02. */
const SQLSTATE = /^[0-9A-Z]{5}$/;
const DATABASE_ERROR_NAMES = new Set(['DrizzleQueryError', 'DatabaseError']);
/** Keeps the chain short: a cycle or a long chain of causes is not followed further. */
const MAX_CAUSES = 4;
const MAX_MESSAGE = 300;

function isDatabaseError(error: Record<string, unknown>, name: string): boolean {
  return (
    DATABASE_ERROR_NAMES.has(name) ||
    'params' in error ||
    'query' in error ||
    (typeof error.code === 'string' && SQLSTATE.test(error.code)) ||
    typeof error.severity === 'string'
  );
}

/** The "    at …" lines of a stack: the first lines repeat the message, so they are dropped. */
function frames(stack: unknown): string {
  if (typeof stack !== 'string') return '';
  return stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');
}

export function safeError(error: unknown, depth = 0): SafeError {
  if (typeof error !== 'object' || error === null) {
    return { type: typeof error, message: 'non-error value thrown', stack: '' };
  }
  const record = error as Record<string, unknown>;
  const name =
    typeof record.name === 'string' && record.name !== ''
      ? record.name
      : (error.constructor?.name ?? 'Error');
  const code = typeof record.code === 'string' ? record.code : undefined;
  const database = isDatabaseError(record, name);
  let message: string;
  if (database) message = code ? `database error (SQLSTATE ${code})` : 'database error';
  // A zod error lists the issues and a JSON syntax error quotes the text it could not read.
  else if (name === 'ZodError') message = 'validation error';
  else if (name === 'SyntaxError') message = 'syntax error';
  else message = typeof record.message === 'string' ? record.message.slice(0, MAX_MESSAGE) : '';
  const safe: SafeError = { type: name, message, stack: frames(record.stack) };
  if (code !== undefined) safe.code = code;
  if (record.cause !== undefined && depth < MAX_CAUSES) {
    safe.cause = safeError(record.cause, depth + 1);
  }
  return safe;
}

/** One line for a console (server start, CLI): class, code and message, no frames. */
export function safeErrorLine(error: unknown): string {
  const parts: string[] = [];
  let current: SafeError | undefined = safeError(error);
  while (current) {
    parts.push(`${current.type}${current.code ? ` [${current.code}]` : ''}: ${current.message}`);
    current = current.cause;
  }
  return parts.join(' — caused by ');
}
