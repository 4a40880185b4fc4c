import {
  IncidentList,
  LinkPersonRequest,
  MergePersonsRequest,
  Person,
  PersonCandidate,
} from '@zemag/contracts';
import { REGISTER_PROBLEMS } from '../../http/problem.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { PersonsService } from './persons.service.js';

const tags = ['persons'];
const errors = REGISTER_PROBLEMS;
const IdParams = z.object({ id: z.uuid() });
const InvolvedParams = z.object({ id: z.uuid(), involvedId: z.uuid() });

/** Person records: link reported persons, suggestions, merge (registrars). */
export const personsRoutes: FastifyPluginAsyncZod<{ persons: PersonsService }> = async (
  app,
  { persons },
) => {
  app.get(
    '/api/v1/incidents/:id/persons/:involvedId/suggestions',
    {
      config: { permission: 'incident.review' },
      schema: {
        tags,
        summary: 'Person records that may be the reported person',
        params: InvolvedParams,
        response: { 200: z.object({ candidates: z.array(PersonCandidate) }), ...errors },
      },
    },
    async (request) =>
      persons.suggestions({
        actor: request.auth!.user,
        incidentId: request.params.id,
        involvedId: request.params.involvedId,
      }),
  );

  app.post(
    '/api/v1/incidents/:id/persons/:involvedId/link',
    {
      config: { permission: 'incident.review' },
      schema: {
        tags,
        summary: 'Link a reported person to a record, or create the record',
        params: InvolvedParams,
        body: LinkPersonRequest,
        response: { 200: Person, ...errors },
      },
    },
    async (request) =>
      persons.link({
        actor: request.auth!.user,
        incidentId: request.params.id,
        involvedId: request.params.involvedId,
        request: request.body,
      }),
  );

  app.get(
    '/api/v1/persons/:id',
    {
      config: { permission: 'listing.manage' },
      schema: {
        tags,
        summary: 'A person record',
        params: IdParams,
        response: { 200: Person, ...errors },
      },
    },
    async (request) => persons.get({ actor: request.auth!.user, id: request.params.id }),
  );

  app.get(
    '/api/v1/persons/:id/incidents',
    {
      config: { permission: 'listing.manage' },
      schema: {
        tags,
        summary: 'The reports linked to a person',
        params: IdParams,
        response: { 200: IncidentList, ...errors },
      },
    },
    async (request) => persons.incidents({ actor: request.auth!.user, id: request.params.id }),
  );

  app.post(
    '/api/v1/persons/:id/merge',
    {
      config: { permission: 'listing.manage' },
      schema: {
        tags,
        summary: 'Merge another record into this one (names, addresses, reports, listings move)',
        params: IdParams,
        body: MergePersonsRequest,
        response: { 200: Person, ...errors },
      },
    },
    async (request) =>
      persons.merge({
        actor: request.auth!.user,
        keepId: request.params.id,
        mergeId: request.body.mergeId,
        reason: request.body.reason,
      }),
  );
};
