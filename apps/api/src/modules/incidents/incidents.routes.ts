import {
  IdempotencyKey,
  Incident,
  IncidentAmendment,
  IncidentList,
  IncidentReceipt,
  IncidentReportInput,
  ReviewDecision,
} from '@zemag/contracts';
import { REGISTER_PROBLEMS } from '../../http/problem.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../http/app-error.js';
import type { IncidentsService } from './incidents.service.js';

const tags = ['incidents'];
const errors = REGISTER_PROBLEMS;
const IdParams = z.object({ id: z.uuid() });
/** Room for a long description: an over-long one gets a field error, not "request too large". */
const REPORT_BODY_LIMIT = 8 * 1024 * 1024;

/** Reports: submit (idempotent), own reports, the registrars' review. */
export const incidentsRoutes: FastifyPluginAsyncZod<{ incidents: IncidentsService }> = async (
  app,
  { incidents },
) => {
  app.post(
    '/api/v1/incidents',
    {
      bodyLimit: REPORT_BODY_LIMIT,
      config: { permission: 'incident.report' },
      schema: {
        tags,
        summary: 'Report an incident (send an Idempotency-Key; a retry is stored once)',
        headers: z.object({ 'idempotency-key': z.string().optional() }),
        body: IncidentReportInput,
        response: { 201: IncidentReceipt, ...errors },
      },
    },
    async (request, reply) => {
      const key = IdempotencyKey.safeParse(request.headers['idempotency-key']);
      if (!key.success) {
        throw new AppError(400, 'idempotency.key_required', { field: 'Idempotency-Key' });
      }
      const result = await incidents.submit({
        actor: request.auth!.user,
        key: key.data,
        report: request.body,
      });
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(result.receipt);
    },
  );

  app.get(
    '/api/v1/incidents/mine',
    {
      config: { permission: 'incident.read_own' },
      schema: {
        tags,
        summary: 'My reports, newest first',
        response: { 200: IncidentList, ...errors },
      },
    },
    async (request) => incidents.listMine({ actor: request.auth!.user }),
  );

  app.get(
    '/api/v1/incidents/review-queue',
    {
      config: { permission: 'incident.review' },
      schema: {
        tags,
        summary: 'Reports waiting for review: level 3 first, then oldest first',
        response: { 200: IncidentList, ...errors },
      },
    },
    async (request) => incidents.reviewQueue({ actor: request.auth!.user }),
  );

  app.get(
    '/api/v1/incidents/:id',
    {
      config: { permission: 'incident.read_own' },
      schema: {
        tags,
        summary: 'One report (its reporter, or a registrar — audited)',
        params: IdParams,
        response: { 200: Incident, ...errors },
      },
    },
    async (request) => incidents.get({ actor: request.auth!.user, id: request.params.id }),
  );

  app.put(
    '/api/v1/incidents/:id',
    {
      bodyLimit: REPORT_BODY_LIMIT,
      config: { permission: 'incident.report' },
      schema: {
        tags,
        summary: 'Complete a quick report or answer a question (reporter)',
        params: IdParams,
        body: IncidentAmendment,
        response: { 200: Incident, ...errors },
      },
    },
    async (request) =>
      incidents.amend({
        actor: request.auth!.user,
        id: request.params.id,
        report: request.body.report,
        answer: request.body.answer,
      }),
  );

  app.post(
    '/api/v1/incidents/:id/review',
    {
      config: { permission: 'incident.review' },
      schema: {
        tags,
        summary: 'Take a report into review',
        params: IdParams,
        response: { 200: Incident, ...errors },
      },
    },
    async (request) => incidents.startReview({ actor: request.auth!.user, id: request.params.id }),
  );

  app.post(
    '/api/v1/incidents/:id/decision',
    {
      config: { permission: 'incident.review' },
      schema: {
        tags,
        summary: 'Confirm, reject (with reason) or ask the reporter',
        params: IdParams,
        body: ReviewDecision,
        response: { 200: Incident, ...errors },
      },
    },
    async (request) =>
      incidents.decide({
        actor: request.auth!.user,
        id: request.params.id,
        decision: request.body,
      }),
  );
};
