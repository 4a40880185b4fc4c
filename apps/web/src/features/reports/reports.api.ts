import { Incident, type IncidentAmendment, IncidentList } from '@zemag/contracts';
import { useMemo } from 'react';
import type { ApiClient } from '../../api/api-client';
import { useApi } from '../../api/api.context';

const V1 = '/api/v1';
const incident = (id: string) => `${V1}/incidents/${encodeURIComponent(id)}`;

/** The reporter's calls; submissions go through the outbox (outbox.ts), not through here. */
export function reportsApi(api: ApiClient) {
  return {
    mine: async () => (await api.get(`${V1}/incidents/mine`, IncidentList)).incidents,
    incident: (id: string) => api.get(incident(id), Incident),
    amend: (id: string, amendment: IncidentAmendment) => api.put(incident(id), amendment, Incident),
  };
}
export type ReportsApi = ReturnType<typeof reportsApi>;

/** The reporter's calls on the app's API client. */
export function useReportsApi(): ReportsApi {
  const api = useApi();
  return useMemo(() => reportsApi(api), [api]);
}
