import { createHash } from 'node:crypto';
import type { Clock } from '../../clock.js';
import type { Db, Tx } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import { canonicalJson } from '../audit/audit.canonical.js';
import {
  claimKey,
  completeKey,
  findKey,
  reclaimKey,
  releaseKey,
} from './idempotency.repository.js';

/** What identifies a request: its operation and canonical body. */
export function requestHash(operation: string, request: unknown): string {
  return createHash('sha256')
    .update(`${operation}\n${canonicalJson(request)}`)
    .digest('hex');
}

/** A claim older than this whose request never finished belongs to a process that died. */
export const ABANDONED_AFTER_MS = 2 * 60_000;

export type IdempotencyService = ReturnType<typeof createIdempotencyService>;

export interface IdempotentResult<T> {
  status: number;
  body: T;
  /** True when this is the stored answer of an earlier request with the same key. */
  replayed: boolean;
}

/**
 * Exactly-once writes for requests a phone may retry: the same key and body give the stored
 * answer; the same key with another body is refused (422); a request whose twin is still being
 * processed is told to retry (409). The change and the stored answer commit together.
 */
export function createIdempotencyService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    async run<T>({
      userId,
      key,
      operation,
      request,
      status,
      perform,
    }: {
      userId: string;
      key: string;
      operation: string;
      request: unknown;
      status: number;
      perform(tx: Tx): Promise<T>;
    }): Promise<IdempotentResult<T>> {
      const hash = requestHash(operation, request);
      const now = clock.now();
      const claimed = await claimKey({
        db,
        row: { userId, key, operation, requestHash: hash, createdAt: now },
      });
      if (!claimed) {
        const { row } = await findKey({ db, userId, key });
        if (!row) throw new AppError(409, 'idempotency.in_flight');
        if (row.requestHash !== hash) throw new AppError(422, 'idempotency.key_reused');
        if (row.state === 'done') {
          return { status: row.responseStatus!, body: row.responseBody as T, replayed: true };
        }
        const abandoned = now.getTime() - row.createdAt.getTime() > ABANDONED_AFTER_MS;
        if (
          !abandoned ||
          !(await reclaimKey({ db, userId, key, staleCreatedAt: row.createdAt, now }))
        ) {
          throw new AppError(409, 'idempotency.in_flight');
        }
      }
      try {
        const body = await db.transaction(async (tx) => {
          const result = await perform(tx);
          await completeKey({ db: tx, userId, key, status, body: result });
          return result;
        });
        return { status, body, replayed: false };
      } catch (error) {
        await releaseKey({ db, userId, key });
        throw error;
      }
    },
  };
}
