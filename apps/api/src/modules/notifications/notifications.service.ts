import type { CurrentUser, NoticeList } from '@zemag/contracts';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { countOpenWork } from './notifications.counts.js';
import { listNotifications, markRead } from './notifications.repository.js';

export type NotificationsService = ReturnType<typeof createNotificationsService>;

/**
 * In-app notices: a reporter's own status changes; for registrars also what waits for them
 * (reports to review, listings another registrar proposed). No register content, only references.
 */
export function createNotificationsService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    async list({ user }: { user: Pick<CurrentUser, 'id' | 'abilities'> }): Promise<NoticeList> {
      const { rows } = await listNotifications({ db, recipientId: user.id });
      const work = user.abilities.includes('incident.review')
        ? await countOpenWork({ db, userId: user.id })
        : null;
      return {
        notices: rows.map((n) => ({
          id: n.id,
          kind: n.kind,
          subject: { type: n.subjectType as 'incident' | 'listing', id: n.subjectId },
          reference: n.reference,
          createdAt: n.createdAt.toISOString(),
          read: n.readAt !== null,
        })),
        waiting: work,
      };
    },

    async markRead({ user, ids }: { user: Pick<CurrentUser, 'id'>; ids: string[] }) {
      await markRead({ db, recipientId: user.id, ids, at: clock.now() });
    },
  };
}
