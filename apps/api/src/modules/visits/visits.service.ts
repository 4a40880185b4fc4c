import {
  VISIT_LIST_MAX_ENTRIES,
  type CurrentUser,
  type VisitListLine,
  type VisitListRequest,
  type VisitListResult,
} from '@zemag/contracts';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import type { AuditService } from '../audit/audit.service.js';
import type { LookupService } from '../lookup/lookup.service.js';
import { noLookupLimit, type LookupLimits } from '../lookup-limits/lookup-limits.service.js';
import { parseVisitList } from './visit-list.parse.js';

/** Settings of visit lists. */
export interface VisitListSettings {
  /** Hours after the check until which a copy may be kept on the phone (`ZEMAG_VISIT_LIST_HOURS`). */
  keepHours: number;
  /** At most this many entries per list. */
  maxEntries: number;
}

export const DEFAULT_VISIT_LIST_SETTINGS: VisitListSettings = {
  keepHours: 10,
  maxEntries: VISIT_LIST_MAX_ENTRIES,
};

type Actor = Pick<CurrentUser, 'id' | 'abilities'>;
export type VisitsService = ReturnType<typeof createVisitsService>;

export function createVisitsService({
  db,
  audit,
  clock,
  lookup,
  limits = noLookupLimit,
  settings: overrides = {},
}: {
  db: Db;
  audit: AuditService;
  clock: Clock;
  lookup: Pick<LookupService, 'lookup' | 'checkPurpose'>;
  /** The per-user look-up budget, shared with single look-ups; one per entry looked up. */
  limits?: LookupLimits;
  settings?: Partial<VisitListSettings>;
}) {
  const settings: VisitListSettings = { ...DEFAULT_VISIT_LIST_SETTINGS, ...overrides };

  return {
    settings,

    /**
     * Checks a visit list: every readable entry is one look-up with the list's purpose, all in
     * one transaction with one summary event (`register.visit_list`), so the list is audited
     * completely or not at all. Unreadable entries are answered with the field at fault.
     */
    async check({
      actor,
      request,
    }: {
      actor: Actor;
      request: VisitListRequest;
    }): Promise<VisitListResult> {
      const reason = lookup.checkPurpose(request.purpose);
      const parsed = parseVisitList(request.text, { maxEntries: settings.maxEntries });
      if (!parsed.ok) {
        throw new AppError(
          400,
          parsed.reason === 'empty' ? 'visit_list.empty' : 'visit_list.too_many_entries',
          { field: 'text' },
        );
      }
      // Every entry that will be looked up costs one look-up, all spent before the list's
      // transaction: a list is answered whole or refused whole (429), never cut off halfway.
      const cost = parsed.entries.filter((entry) => entry.query).length;
      const createdAt = clock.now();
      const keepUntil = new Date(createdAt.getTime() + settings.keepHours * 3_600_000);
      return limits.spend({ actor, cost, kind: 'visit_list' }, () =>
        db.transaction(async (tx) => {
          const lines: VisitListLine[] = [];
          for (const entry of parsed.entries) {
            if (!entry.query) {
              lines.push({ ...entry, result: null });
              continue;
            }
            try {
              const result = await lookup.lookup({
                actor,
                request: { ...entry.query, purpose: request.purpose },
                tx,
              });
              lines.push({ ...entry, result });
            } catch (error) {
              // The look-up refuses a vague query before it touches the database, so the
              // transaction is still usable; anything else aborts the whole list.
              if (!(error instanceof AppError) || error.code !== 'lookup.query_too_vague')
                throw error;
              const problem = error.errors?.[0];
              lines.push({
                ...entry,
                query: null,
                result: null,
                error: {
                  field: problem?.field ?? 'familyName',
                  message: problem?.message ?? { de: error.code, en: error.code },
                },
              });
            }
          }
          const lookedUp = lines.filter((l) => l.result !== null);
          const { seq } = await audit.record({
            tx,
            actor: actor.id,
            action: 'register.visit_list',
            purpose: `${reason.de}: ${request.purpose.fileNumber}`,
            details: {
              reason: reason.code,
              fileNumber: request.purpose.fileNumber,
              format: parsed.format,
              entries: lines.length,
              lookedUp: lookedUp.length,
              unreadable: lines.length - lookedUp.length,
              withCandidates: lookedUp.filter((l) => l.result!.candidates.length > 0).length,
              lookupSeqs: lookedUp.map((l) => l.result!.auditSeq),
              keepUntil: keepUntil.toISOString(),
            },
          });
          return {
            auditSeq: seq,
            createdAt: createdAt.toISOString(),
            keepUntil: keepUntil.toISOString(),
            purpose: request.purpose,
            lines,
          };
        }),
      );
    },
  };
}
