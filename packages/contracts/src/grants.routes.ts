import { z } from 'zod';
import {
  GrantRequest,
  PendingGrant,
  ReasonRequest,
  RecertifyAnswer,
} from './organisation.schemas.js';
import { ROLES } from './roles.js';
import { route } from './route.js';

const IdParams = z.object({ id: z.uuid() });

const GrantParams = z.object({ id: z.uuid(), role: z.enum(ROLES) });

const GrantList = z.array(PendingGrant);

/** Role grants with four-eyes confirmation and recertification (administration). */
export const grantsContract = {
  grant: route({
    method: 'POST',
    path: '/api/v1/users/:id/grants',
    access: 'user.manage',
    tag: 'organisation',
    summary: 'Grant a role (registrar, dpo and admin wait for a second administrator)',
    params: IdParams,
    body: GrantRequest,
    status: 201,
    response: z.object({ status: z.enum(['pending', 'active']) }),
    problems: [400, 403, 404, 409],
  }),
  confirm: route({
    method: 'POST',
    path: '/api/v1/users/:id/grants/:role/confirm',
    access: 'user.manage',
    tag: 'organisation',
    summary: 'Confirm a pending grant (second administrator)',
    params: GrantParams,
    status: 204,
    response: z.null(),
    problems: [400, 403, 404, 409],
  }),
  decline: route({
    method: 'POST',
    path: '/api/v1/users/:id/grants/:role/decline',
    access: 'user.manage',
    tag: 'organisation',
    summary: 'Decline a pending grant',
    params: GrantParams,
    body: ReasonRequest,
    status: 204,
    response: z.null(),
    problems: [400, 403, 404, 409],
  }),
  revoke: route({
    method: 'POST',
    path: '/api/v1/users/:id/grants/:role/revoke',
    access: 'user.manage',
    tag: 'organisation',
    summary: 'Revoke a grant; the user’s sessions end',
    params: GrantParams,
    body: ReasonRequest,
    status: 204,
    response: z.null(),
    problems: [400, 403, 404, 409],
  }),
  recertify: route({
    method: 'POST',
    path: '/api/v1/users/:id/grants/:role/recertify',
    access: 'user.manage',
    tag: 'organisation',
    summary: 'Confirm that a grant is still needed',
    params: GrantParams,
    status: 200,
    response: RecertifyAnswer,
    problems: [400, 403, 404, 409],
  }),
  listPending: route({
    method: 'GET',
    path: '/api/v1/grants/pending',
    access: 'user.manage',
    tag: 'organisation',
    summary: 'Grants waiting for a second administrator',
    status: 200,
    response: z.object({ pending: GrantList }),
    problems: [],
  }),
  listDue: route({
    method: 'GET',
    path: '/api/v1/grants/recertification-due',
    access: 'user.manage',
    tag: 'organisation',
    summary: 'Active grants due for re-certification within 30 days, or overdue',
    status: 200,
    response: z.object({ due: GrantList }),
    problems: [],
  }),
};
