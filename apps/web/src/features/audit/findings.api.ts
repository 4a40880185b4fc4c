import {
  anomaliesContract as anomalies,
  auditContract as audit,
  type FindingQuery,
} from '@zemag/contracts';
import { useMemo } from 'react';
import type { ApiClient } from '../../api/api-client';
import { useApi } from '../../api/api.context';

export type { AnomalyRuleView, FindingPage, FindingView } from '@zemag/contracts';

export const FINDINGS_PAGE_SIZE = 25;
export type FindingStatus = FindingQuery['status'];

/** The DPO's calls for the anomaly findings, by their contracts in packages/contracts. */
export function findingsApi(api: ApiClient) {
  return {
    rules: () => api.call(anomalies.rules, {}),
    findings: (status: FindingStatus, before: string | null) =>
      api.call(anomalies.findings, {
        body: { status, limit: FINDINGS_PAGE_SIZE, ...(before ? { before } : {}) },
      }),
    review: (id: string, note: string) =>
      api.call(anomalies.review, { params: { id }, body: { note } }),
    /** The look-ups a finding rests on: the user's, within its time window. */
    events: (user: string, from: string, to: string) =>
      api.call(audit.events, {
        body: { user, from, to, action: 'register.lookup', limit: 200 },
      }),
  };
}

export function useFindingsApi() {
  const api = useApi();
  return useMemo(() => findingsApi(api), [api]);
}
