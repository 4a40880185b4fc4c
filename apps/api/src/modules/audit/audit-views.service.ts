import {
  AUDIT_CSV_COLUMNS,
  csvRow,
  type AuditEventPage,
  type AuditEventQuery,
  type AuditEventView,
} from '@zemag/contracts';
import type { Db } from '../../db/database.js';
import type { AuditService } from './audit.service.js';
import {
  listAuditEvents,
  type AuditEventFilter,
  type AuditEventRow,
} from './audit-views.repository.js';

const EXPORT_PAGE = 1000;

function view(row: AuditEventRow): AuditEventView {
  const { details } = row;
  return {
    seq: row.seq,
    occurredAt: row.occurredAt.toISOString(),
    actor:
      row.actorId && row.username !== null
        ? {
            id: row.actorId,
            username: row.username,
            displayName: row.displayName ?? '',
            department:
              row.departmentCode !== null
                ? { code: row.departmentCode, name: row.departmentName ?? '' }
                : null,
          }
        : null,
    action: row.action,
    subject:
      row.subjectType !== null && row.subjectId !== null
        ? { type: row.subjectType, id: row.subjectId }
        : null,
    purpose: row.purpose,
    fileNumber: typeof details.fileNumber === 'string' ? details.fileNumber : null,
    personsShown: Array.isArray(details.personIds) ? details.personIds.length : null,
    details,
  };
}

function filterOf(query: Partial<AuditEventQuery>): AuditEventFilter {
  const { from, to, user, department, action, person, purpose } = query;
  return { from, to, user, department, action, person, purpose };
}

/** Only the parts set, for the audit event of the DPO's own read. */
function statedFilter(filter: AuditEventFilter) {
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined));
}

/**
 * The DPO's views of the audit log. Reading it is itself audited (`audit.read`, with the
 * filter), in the transaction of the read; an export is audited before its first line leaves.
 */
export function createAuditViews({ db, audit }: { db: Db; audit: AuditService }) {
  return {
    async events({
      actor,
      query,
    }: {
      actor: { id: string };
      query: AuditEventQuery;
    }): Promise<AuditEventPage> {
      const filter = filterOf(query);
      return db.transaction(async (tx) => {
        const rows = await listAuditEvents({
          db: tx,
          filter,
          before: query.before ?? null,
          limit: query.limit + 1,
        });
        const page = rows.slice(0, query.limit);
        await audit.record({
          tx,
          actor: actor.id,
          action: 'audit.read',
          subject: filter.person ? { type: 'person', id: filter.person } : null,
          details: {
            filter: statedFilter(filter),
            before: query.before ?? null,
            shown: page.length,
          },
        });
        return {
          events: page.map(view),
          next: rows.length > query.limit ? (page.at(-1)?.seq ?? null) : null,
        };
      });
    },

    /**
     * Every event matching the filter as CSV lines (header first), read page by page so that
     * ten million rows never sit in memory. The export is audited before the first line.
     */
    async *exportCsv({
      actor,
      query,
    }: {
      actor: { id: string };
      query: Partial<AuditEventQuery>;
    }): AsyncGenerator<string> {
      const filter = filterOf(query);
      await db.transaction((tx) =>
        audit.record({
          tx,
          actor: actor.id,
          action: 'audit.export',
          subject: filter.person ? { type: 'person', id: filter.person } : null,
          details: { filter: statedFilter(filter) },
        }),
      );
      yield `${csvRow(AUDIT_CSV_COLUMNS.map(([, header]) => header))}\r\n`;
      let before: number | null = null;
      for (;;) {
        const rows = await listAuditEvents({ db, filter, before, limit: EXPORT_PAGE });
        for (const row of rows) {
          const event = view(row);
          const cells: Record<(typeof AUDIT_CSV_COLUMNS)[number][0], string | number | null> = {
            seq: event.seq,
            occurredAt: event.occurredAt,
            username: event.actor?.username ?? null,
            displayName: event.actor?.displayName ?? null,
            department: event.actor?.department?.code ?? null,
            action: event.action,
            subjectType: event.subject?.type ?? null,
            subjectId: event.subject?.id ?? null,
            purpose: event.purpose,
            fileNumber: event.fileNumber,
            personsShown: event.personsShown,
          };
          yield `${csvRow(AUDIT_CSV_COLUMNS.map(([key]) => cells[key]))}\r\n`;
        }
        if (rows.length < EXPORT_PAGE) return;
        before = rows.at(-1)!.seq;
      }
    },
  };
}

export type AuditViews = ReturnType<typeof createAuditViews>;
