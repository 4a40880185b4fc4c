import { z } from 'zod';
import {
  Incident,
  IncidentAmendment,
  IncidentList,
  IncidentReceipt,
  IncidentReportInput,
  ReviewDecision,
} from './incidents.schemas.js';
import { REGISTER_PROBLEM_STATUSES, route } from './route.js';

const IdParams = z.object({ id: z.uuid() });

/**
 * Submitting a report, on its own: the outbox (also in its worker) needs only this route, not
 * the schemas of the whole module.
 */
export const submitIncident = route({
  method: 'POST',
  path: '/api/v1/incidents',
  access: 'incident.report',
  tag: 'incidents',
  summary: 'Report an incident (send an Idempotency-Key; a retry is stored once)',
  body: IncidentReportInput,
  headers: z.object({ 'idempotency-key': z.string().optional() }),
  status: 201,
  response: IncidentReceipt,
  problems: REGISTER_PROBLEM_STATUSES,
});

/** Reports: submit (idempotent), own reports, the registrars' review. */
export const incidentsContract = {
  submit: submitIncident,
  listMine: route({
    method: 'GET',
    path: '/api/v1/incidents/mine',
    access: 'incident.read_own',
    tag: 'incidents',
    summary: 'My reports, newest first',
    status: 200,
    response: IncidentList,
    problems: REGISTER_PROBLEM_STATUSES,
  }),
  reviewQueue: route({
    method: 'GET',
    path: '/api/v1/incidents/review-queue',
    access: 'incident.review',
    tag: 'incidents',
    summary: 'Reports waiting for review: level 3 first, then oldest first',
    status: 200,
    response: IncidentList,
    problems: REGISTER_PROBLEM_STATUSES,
  }),
  get: route({
    method: 'GET',
    path: '/api/v1/incidents/:id',
    access: 'incident.read_own',
    tag: 'incidents',
    summary: 'One report (its reporter, or a registrar — audited)',
    params: IdParams,
    status: 200,
    response: Incident,
    problems: REGISTER_PROBLEM_STATUSES,
  }),
  amend: route({
    method: 'PUT',
    path: '/api/v1/incidents/:id',
    access: 'incident.report',
    tag: 'incidents',
    summary: 'Complete a quick report or answer a question (reporter)',
    params: IdParams,
    body: IncidentAmendment,
    status: 200,
    response: Incident,
    problems: REGISTER_PROBLEM_STATUSES,
  }),
  startReview: route({
    method: 'POST',
    path: '/api/v1/incidents/:id/review',
    access: 'incident.review',
    tag: 'incidents',
    summary: 'Take a report into review',
    params: IdParams,
    status: 200,
    response: Incident,
    problems: REGISTER_PROBLEM_STATUSES,
  }),
  decide: route({
    method: 'POST',
    path: '/api/v1/incidents/:id/decision',
    access: 'incident.review',
    tag: 'incidents',
    summary: 'Confirm, reject (with reason) or ask the reporter',
    params: IdParams,
    body: ReviewDecision,
    status: 200,
    response: Incident,
    problems: REGISTER_PROBLEM_STATUSES,
  }),
};
