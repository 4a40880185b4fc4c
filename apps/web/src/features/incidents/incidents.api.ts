import { type IncidentAmendment, incidentsContract as incidents } from '@zemag/contracts';
import { useMemo } from 'react';
import type { ApiClient } from '../../api/api-client';
import { useApi } from '../../api/api.context';

/** The reporter's calls; submissions go through the outbox (outbox.ts), not through here. */
export function reportsApi(api: ApiClient) {
  return {
    mine: async () => (await api.call(incidents.listMine)).incidents,
    incident: (id: string) => api.call(incidents.get, { params: { id } }),
    amend: (id: string, amendment: IncidentAmendment) =>
      api.call(incidents.amend, { params: { id }, body: amendment }),
  };
}
export type ReportsApi = ReturnType<typeof reportsApi>;

/** The reporter's calls on the app's API client. */
export function useReportsApi(): ReportsApi {
  const api = useApi();
  return useMemo(() => reportsApi(api), [api]);
}
