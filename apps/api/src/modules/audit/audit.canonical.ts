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

/** SHA-256 (hex) over the canonical encoding of an event, including the previous row's hash. */
export function hashAuditEvent(fields: HashedAuditFields): string {
  return createHash('sha256').update(canonicalJson(fields), 'utf8').digest('hex');
}

/**
 * The canonical JSON of an event in three parts around the previous hash and the number, so
 * the database can hash it once it knows the chain head (`audit_append`):
 * `before_prev_hash + prevHash + before_seq + seq + after_seq` is `canonicalJson(fields)`
 * (keys sorted: action, actorId, details, occurredAt, prevHash, purpose, seq, subjectId,
 * subjectType).
 */
export function canonicalJsonAroundChain(fields: Omit<HashedAuditFields, 'seq' | 'prevHash'>): {
  beforePrevHash: string;
  beforeSeq: string;
  afterSeq: string;
} {
  const c = canonicalJson;
  return {
    beforePrevHash: `{"action":${c(fields.action)},"actorId":${c(fields.actorId)},"details":${c(fields.details)},"occurredAt":${c(fields.occurredAt)},"prevHash":"`,
    beforeSeq: `","purpose":${c(fields.purpose)},"seq":`,
    afterSeq: `,"subjectId":${c(fields.subjectId)},"subjectType":${c(fields.subjectType)}}`,
  };
}
