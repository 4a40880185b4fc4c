import {
  type FieldError,
  IDEMPOTENCY_HEADER,
  type IncidentReceipt,
  submitIncident as submit,
} from '@zemag/contracts';
import { toApiError } from '../../api/api-client';

/** What became of one attempt to send a report from the outbox. */
export type SendOutcome =
  /** Stored (also when a retry got the answer stored for the first attempt). */
  | { kind: 'stored'; receipt: IncidentReceipt }
  /** The server has this key with another body: an earlier attempt landed; nothing to resend. */
  | { kind: 'duplicate' }
  /** The server refused the content: it waits for the reporter to correct it. */
  | { kind: 'invalid'; code: string; fieldErrors: readonly FieldError[] }
  /** No connection, no session, busy, or a server failure: try again later. */
  | { kind: 'retry'; code: string };

/** Sends one report with its idempotency key. */
export type SendIncident = (idempotencyKey: string, report: unknown) => Promise<SendOutcome>;

/** Answers about the content itself; anything else (401, 409, 429, 5xx, a proxy's 404) passes. */
const CONTENT_STATUSES = new Set([400, 413, 422]);

/**
 * The HTTP sender of the outbox (also in its worker, so plain fetch, not the app's client);
 * answers are sorted into the outcomes above.
 */
export function createIncidentSender(fetchImpl: typeof fetch = fetch): SendIncident {
  return async (idempotencyKey, report) => {
    let response: Response;
    try {
      response = await fetchImpl(submit.path, {
        method: submit.method,
        credentials: 'same-origin',
        cache: 'no-store',
        headers: {
          accept: 'application/json',
          'content-type': 'application/json',
          [IDEMPOTENCY_HEADER]: idempotencyKey,
        },
        body: JSON.stringify(report),
      });
    } catch {
      return { kind: 'retry', code: 'client.network' };
    }
    if (response.ok) {
      const parsed = submit.response.safeParse(await response.json().catch(() => undefined));
      // Stored, but the answer is unreadable: sending again returns the stored answer.
      return parsed.success
        ? { kind: 'stored', receipt: parsed.data }
        : { kind: 'retry', code: 'client.unexpected_response' };
    }
    const error = await toApiError(response);
    // Whatever the body (a proxy's page, too): 401 means the session ended. The outbox then
    // waits for the employee to sign in again instead of trying on.
    if (response.status === 401) return { kind: 'retry', code: 'auth.unauthenticated' };
    if (error.code === 'idempotency.key_reused') return { kind: 'duplicate' };
    if (!CONTENT_STATUSES.has(response.status)) return { kind: 'retry', code: error.code };
    return { kind: 'invalid', code: error.code, fieldErrors: error.fieldErrors };
  };
}
