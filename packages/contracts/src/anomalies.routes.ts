import { z } from 'zod';
import {
  AnomalyRuleList,
  FindingPage,
  FindingQuery,
  FindingReview,
  FindingView,
} from './anomalies.schemas.js';
import { route } from './route.js';

const IdParams = z.object({ id: z.uuid() });
const dpo = { access: 'audit.read', tag: 'audit' } as const;

/** The anomaly rules and their findings, worked through by the data protection officer. */
export const anomaliesContract = {
  rules: route({
    ...dpo,
    method: 'GET',
    path: '/api/v1/audit/anomaly-rules',
    summary: 'The anomaly rules in effect: name, plain explanation with their limits, on or off',
    status: 200,
    response: AnomalyRuleList,
    problems: [401, 403],
  }),
  findings: route({
    ...dpo,
    method: 'POST',
    path: '/api/v1/audit/findings/search',
    summary: 'Findings of the anomaly rules, newest first (open ones by default)',
    body: FindingQuery,
    status: 200,
    response: FindingPage,
    problems: [400, 401, 403],
  }),
  review: route({
    ...dpo,
    method: 'POST',
    path: '/api/v1/audit/findings/:id/review',
    summary: 'Marks a finding reviewed with a note (audited; a reviewed finding stays so)',
    params: IdParams,
    body: FindingReview,
    status: 200,
    response: FindingView,
    problems: [400, 401, 403, 404, 409],
  }),
};
