import { z } from 'zod';
import { NoticeList } from './notifications.schemas.js';
import { route } from './route.js';

/** The signed-in user's notices. */
export const notificationsContract = {
  list: route({
    method: 'GET',
    path: '/api/v1/notifications',
    access: 'authenticated',
    tag: 'notifications',
    summary: 'My notices, and for registrars what waits for them',
    status: 200,
    response: NoticeList,
    problems: [401],
  }),
  markRead: route({
    method: 'POST',
    path: '/api/v1/notifications/read',
    access: 'authenticated',
    tag: 'notifications',
    summary: 'Mark notices as read',
    body: z.object({ ids: z.array(z.uuid()).max(100) }),
    status: 204,
    response: z.null(),
    problems: [400, 401],
  }),
};
