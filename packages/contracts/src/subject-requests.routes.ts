import { z } from 'zod';
import { REGISTER_PROBLEM_STATUSES, route } from './route.js';
import {
  SubjectRequest,
  SubjectRequestAnswer,
  SubjectRequestExtension,
  SubjectRequestInput,
  SubjectRequestList,
  SubjectRequestStatusQuery,
} from './subject-requests.schemas.js';

const IdParams = z.object({ id: z.uuid() });

/** A registrar's call on the register of data-subject requests. */
const registrar = {
  access: 'listing.manage',
  tag: 'subject-requests',
  problems: REGISTER_PROBLEM_STATUSES,
} as const;

/** Data-subject requests (Art. 15–18, 21 GDPR), for registrars (`listing.manage`). */
export const subjectRequestsContract = {
  record: route({
    ...registrar,
    method: 'POST',
    path: '/api/v1/subject-requests',
    summary: 'Record a data-subject request; due one month after receipt',
    body: SubjectRequestInput,
    status: 201,
    response: SubjectRequest,
  }),
  list: route({
    ...registrar,
    method: 'GET',
    path: '/api/v1/subject-requests',
    summary: 'Requests by status (default open), earliest deadline first, with flags',
    query: SubjectRequestStatusQuery,
    status: 200,
    response: SubjectRequestList,
  }),
  get: route({
    ...registrar,
    method: 'GET',
    path: '/api/v1/subject-requests/:id',
    summary: 'One request',
    params: IdParams,
    status: 200,
    response: SubjectRequest,
  }),
  extend: route({
    ...registrar,
    method: 'POST',
    path: '/api/v1/subject-requests/:id/extension',
    summary: 'Extend the deadline once, by at most two months, with a reason',
    params: IdParams,
    body: SubjectRequestExtension,
    status: 200,
    response: SubjectRequest,
  }),
  answer: route({
    ...registrar,
    method: 'POST',
    path: '/api/v1/subject-requests/:id/answer',
    summary: 'Answer the request (once)',
    params: IdParams,
    body: SubjectRequestAnswer,
    status: 200,
    response: SubjectRequest,
  }),
  accessJson: route({
    ...registrar,
    method: 'GET',
    path: '/api/v1/subject-requests/:id/access.json',
    summary: 'The access answer (Art. 15 GDPR): everything stored on the person, as JSON',
    params: IdParams,
    status: 200,
    response: z.any(),
  }),
  accessPdf: route({
    ...registrar,
    method: 'GET',
    path: '/api/v1/subject-requests/:id/access.pdf',
    summary: 'The access answer (Art. 15 GDPR) as a letter (PDF), signed by the office',
    params: IdParams,
    produces: ['application/pdf'],
    status: 200,
    response: z.any().describe('PDF document'),
  }),
  proposeErasure: route({
    ...registrar,
    method: 'POST',
    path: '/api/v1/subject-requests/:id/erasure/propose',
    summary: 'Propose erasing the person (Art. 17 GDPR)',
    params: IdParams,
    status: 200,
    response: SubjectRequest,
  }),
  confirmErasure: route({
    ...registrar,
    method: 'POST',
    path: '/api/v1/subject-requests/:id/erasure/confirm',
    summary: 'Confirm the erasure: another registrar; the person is erased',
    params: IdParams,
    status: 200,
    response: SubjectRequest,
  }),
};
