import { createHash } from 'node:crypto';

/**
 * Canonical JSON: object keys sorted by code point, no whitespace, dates as ISO 8601 strings,
 * `undefined` members dropped, NaN and ±Infinity as null (what JSON and so jsonb store). The same value always gives the same bytes, whatever order its
 * keys were written in or came back from jsonb.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) {
    return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  }
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'object': {
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, member]) => member !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`).join(',')}}`;
    }
    default:
      throw new TypeError(`canonicalJson: cannot encode ${typeof value}`);
  }
}

/** The hash the chain starts from. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit event that its hash covers. */
export interface HashedAuditFields {
  seq: number;
  occurredAt: Date;
  actorId: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  purpose: string | null;
  details: Record<string, unknown>;
  prevHash: string;
}

/**
 * SHA-256 (hex) over the canonical encoding of an event, including the previous row's hash: the
 * hash of the events chained before migration 0023 (their `content_hash` is null).
 */
export function hashAuditEvent(fields: HashedAuditFields): string {
  return createHash('sha256').update(canonicalJson(fields), 'utf8').digest('hex');
}

/** The fields of an event that its content hash covers: everything it says, and its number. */
export type AuditContentFields = Omit<HashedAuditFields, 'prevHash'>;

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** SHA-256 (hex) over the canonical JSON of an event's content (`content_hash`, set at insert). */
export function hashAuditContent(fields: AuditContentFields): string {
  const { seq, occurredAt, actorId, action, subjectType, subjectId, purpose, details } = fields;
  return sha256Hex(
    canonicalJson({ seq, occurredAt, actorId, action, subjectType, subjectId, purpose, details }),
  );
}

/**
 * The canonical JSON of an event's content in two parts around its number, so the database can
 * hash it in the insert that draws the number from the sequence: `beforeSeq + seq + afterSeq`
 * is the text `hashAuditContent` hashes (keys sorted: action, actorId, details, occurredAt,
 * purpose, seq, subjectId, subjectType).
 */
export function canonicalContentAroundSeq(fields: Omit<AuditContentFields, 'seq'>): {
  beforeSeq: string;
  afterSeq: string;
} {
  const c = canonicalJson;
  return {
    beforeSeq: `{"action":${c(fields.action)},"actorId":${c(fields.actorId)},"details":${c(fields.details)},"occurredAt":${c(fields.occurredAt)},"purpose":${c(fields.purpose)},"seq":`,
    afterSeq: `,"subjectId":${c(fields.subjectId)},"subjectType":${c(fields.subjectType)}}`,
  };
}

/**
 * The hash that links an event into the chain (computed by the chainer, `audit_link()` in SQL):
 * SHA-256 over `{"chainPos":…,"contentHash":"…","prevHash":"…"}`.
 */
export function hashAuditLink(link: { chainPos: number; contentHash: string; prevHash: string }) {
  return sha256Hex(canonicalJson(link));
}
