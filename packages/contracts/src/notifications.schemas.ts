import { z } from 'zod';

/**
 * An in-app notice: a status change of one's report (`incident.<status>`) or work waiting.
 * Only a kind and a reference — never register content.
 */
export const Notice = z.object({
  id: z.uuid(),
  kind: z.string(),
  subject: z.object({ type: z.enum(['incident', 'listing']), id: z.uuid() }),
  reference: z.string(),
  createdAt: z.iso.datetime(),
  read: z.boolean(),
});
export type Notice = z.infer<typeof Notice>;

export const NoticeList = z.object({
  notices: z.array(Notice),
  /** For registrars: reports to review and listings to activate (not their own). */
  waiting: z.object({ reviews: z.number().int(), activations: z.number().int() }).nullable(),
});
export type NoticeList = z.infer<typeof NoticeList>;
