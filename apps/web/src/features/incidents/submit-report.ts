import type { IncidentReceipt, IncidentReportInput } from '@zemag/contracts';
import { ApiError } from '../../api/api-error';
import { type Translator, problemMessage } from '../../api/problem-message';
import type { SendIncident, SendOutcome } from './incident-sender';
import type { Outbox } from './outbox';
import type { SubmitFailure } from './report-form';
import { type FieldProblem, serverProblems } from './report-validation';

/** What became of a submission. */
export type Submission =
  /** The server stored it (the receipt is missing when another trigger sent it first). */
  | { kind: 'stored'; receipt: IncidentReceipt | null; entryId: string | null }
  /** Kept on the device; sent when there is a connection (and a session). */
  | { kind: 'saved'; entryId: string; code: string }
  /** The server refused the content; the entry waits for the correction. */
  | { kind: 'refused'; entryId: string | null; failure: SubmitFailure };

/** Stable codes that belong to one field, when the server sends no field error for them. */
const CODE_FIELDS: Readonly<Record<string, string>> = { 'incident.in_future': 'occurredAt' };

/**
 * Every submission goes into the outbox first and is then sent at once. A corrected entry
 * (`replaceId`) is stored anew with a new key: the server refused the old one, so it holds
 * nothing under it.
 */
export async function submitThroughOutbox({
  outbox,
  ownerId,
  input,
  replaceId,
  tr,
  sendDirect,
}: {
  outbox: Outbox;
  ownerId: string;
  input: IncidentReportInput;
  replaceId: string | null;
  tr: Translator;
  /** Used only when the device cannot store the report (no IndexedDB, storage full). */
  sendDirect: SendIncident;
}): Promise<Submission> {
  let entry;
  try {
    entry = replaceId
      ? await outbox.replace(replaceId, ownerId, input)
      : await outbox.add(ownerId, input);
  } catch {
    return direct(await sendDirect(crypto.randomUUID(), input), tr);
  }
  const results = await outbox.flush(ownerId).catch(() => []);
  const result = results.find((r) => r.id === entry.id);
  if (!result) {
    const still = (await outbox.entries(ownerId)).some((e) => e.id === entry.id);
    return still
      ? { kind: 'saved', entryId: entry.id, code: 'client.network' }
      : { kind: 'stored', receipt: null, entryId: entry.id };
  }
  const { outcome } = result;
  // This page shows the receipt itself: no second confirmation on the start page.
  if (outcome.kind === 'stored' || outcome.kind === 'duplicate') {
    await outbox.dismissArrival(entry.id).catch(() => undefined);
  }
  switch (outcome.kind) {
    case 'stored':
      return { kind: 'stored', receipt: outcome.receipt, entryId: entry.id };
    case 'duplicate':
      return { kind: 'stored', receipt: null, entryId: entry.id };
    case 'retry':
      return { kind: 'saved', entryId: entry.id, code: outcome.code };
    case 'invalid':
      return {
        kind: 'refused',
        entryId: entry.id,
        failure: refusal(outcome.code, outcome.fieldErrors, tr),
      };
  }
}

/** Without a place on the device there is one attempt; a failure keeps the form as typed. */
function direct(outcome: SendOutcome, tr: Translator): Submission {
  switch (outcome.kind) {
    case 'stored':
      return { kind: 'stored', receipt: outcome.receipt, entryId: null };
    case 'duplicate':
      return { kind: 'stored', receipt: null, entryId: null };
    case 'invalid':
      return {
        kind: 'refused',
        entryId: null,
        failure: refusal(outcome.code, outcome.fieldErrors, tr),
      };
    case 'retry':
      return {
        kind: 'refused',
        entryId: null,
        failure: { problems: [], message: tr.t('reports.new.notStoredOnDevice') },
      };
  }
}

/** A refusal as problems at fields, or a sentence when no field is named. */
export function refusal(
  code: string,
  fieldErrors: ApiError['fieldErrors'],
  tr: Translator,
): SubmitFailure {
  const problems: FieldProblem[] = serverProblems(fieldErrors);
  const field = CODE_FIELDS[code];
  if (problems.length === 0 && field) problems.push({ field, code });
  if (problems.length > 0) return { problems, message: null };
  const error = new ApiError({ status: 400, code: code as ApiError['code'] });
  return { problems: [], message: problemMessage(error, tr) };
}
