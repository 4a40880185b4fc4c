import { REGISTER_PROBLEMS } from '../../http/problem.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SUBJECT_REQUEST_DECISIONS, SUBJECT_REQUEST_KINDS } from './subject-requests.rules.js';
import type { SubjectRequestsService } from './subject-requests.service.js';

const tags = ['subject-requests'];
const errors = REGISTER_PROBLEMS;
const IdParams = z.object({ id: z.uuid() });
const base = '/api/v1/subject-requests';
const text = z.string().trim().min(1).max(2000);
const anyJson = z.any();

/** Data-subject requests (Art. 15–18, 21 GDPR), for registrars (`listing.manage`). */
export const subjectRequestsRoutes: FastifyPluginAsyncZod<{
  subjectRequests: SubjectRequestsService;
}> = async (app, { subjectRequests: service }) => {
  const config = { permission: 'listing.manage' } as const;
  const actor = (request: { auth?: { user: { id: string } } | null }) => request.auth!.user;

  app.post(
    base,
    {
      config,
      schema: {
        tags,
        summary: 'Record a data-subject request; due one month after receipt',
        body: z.object({
          personId: z.uuid(),
          kind: z.enum(SUBJECT_REQUEST_KINDS),
          receivedOn: z.iso.date(),
          identityCheck: text,
        }),
        response: { 201: anyJson, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.record({ actor: actor(request), input: request.body })),
  );

  app.get(
    base,
    {
      config,
      schema: {
        tags,
        summary: 'Requests by status (default open), earliest deadline first, with flags',
        querystring: z.object({ status: z.enum(['open', 'answered', 'all']).default('open') }),
        response: { 200: anyJson, ...errors },
      },
    },
    async (request) => service.list({ actor: actor(request), status: request.query.status }),
  );

  app.get(
    `${base}/:id`,
    {
      config,
      schema: {
        tags,
        summary: 'One request',
        params: IdParams,
        response: { 200: anyJson, ...errors },
      },
    },
    async (request) => service.get({ actor: actor(request), id: request.params.id }),
  );

  app.post(
    `${base}/:id/extension`,
    {
      config,
      schema: {
        tags,
        summary: 'Extend the deadline once, by at most two months, with a reason',
        params: IdParams,
        body: z.object({ extendedDueOn: z.iso.date(), reason: text }),
        response: { 200: anyJson, ...errors },
      },
    },
    async (request) =>
      service.extend({ actor: actor(request), id: request.params.id, ...request.body }),
  );

  app.post(
    `${base}/:id/answer`,
    {
      config,
      schema: {
        tags,
        summary: 'Answer the request (once)',
        params: IdParams,
        body: z.object({
          decision: z.enum(SUBJECT_REQUEST_DECISIONS),
          reason: text,
          answeredOn: z.iso.date(),
        }),
        response: { 200: anyJson, ...errors },
      },
    },
    async (request) =>
      service.answer({ actor: actor(request), id: request.params.id, answer: request.body }),
  );

  /** The access answer (Art. 15 GDPR) as a download named after the request's reference. */
  function accessDownload<T extends { reference: string }>(
    format: 'json' | 'pdf',
    answer: {
      summary: string;
      type: string;
      produces?: string[];
      response: z.ZodType;
      load(input: { actor: { id: string }; id: string }): Promise<T>;
      body(result: T): string | Buffer;
    },
  ) {
    app.get(
      `${base}/:id/access.${format}`,
      {
        config,
        schema: {
          tags,
          summary: answer.summary,
          params: IdParams,
          ...(answer.produces ? { produces: answer.produces } : {}),
          response: { 200: answer.response, ...errors },
        },
      },
      async (request, reply) => {
        const result = await answer.load({ actor: actor(request), id: request.params.id });
        return reply
          .type(answer.type)
          .header('cache-control', 'no-store')
          .header(
            'content-disposition',
            `attachment; filename="Auskunft-${result.reference}.${format}"`,
          )
          .send(answer.body(result));
      },
    );
  }
  accessDownload('json', {
    summary: 'The access answer (Art. 15 GDPR): everything stored on the person, as JSON',
    type: 'application/json; charset=utf-8',
    response: anyJson,
    load: (input) => service.accessJson(input),
    body: ({ data }) => JSON.stringify(data, null, 2),
  });
  accessDownload('pdf', {
    summary: 'The access answer (Art. 15 GDPR) as a letter (PDF), signed by the office',
    type: 'application/pdf',
    produces: ['application/pdf'],
    response: z.any().describe('PDF document'),
    load: (input) => service.accessPdf(input),
    body: ({ pdf }) => Buffer.from(pdf),
  });

  const erasure = (path: 'propose' | 'confirm', summary: string) =>
    app.post(
      `${base}/:id/erasure/${path}`,
      {
        config,
        schema: { tags, summary, params: IdParams, response: { 200: anyJson, ...errors } },
      },
      async (request) =>
        path === 'propose'
          ? service.proposeErasure({ actor: actor(request), id: request.params.id })
          : service.confirmErasure({ actor: actor(request), id: request.params.id }),
    );
  erasure('propose', 'Propose erasing the person (Art. 17 GDPR)');
  erasure('confirm', 'Confirm the erasure: another registrar; the person is erased');
};
