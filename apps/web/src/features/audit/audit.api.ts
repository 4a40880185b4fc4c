import { auditContract as audit } from '@zemag/contracts';
import { useMemo } from 'react';
import { type ApiClient, toApiError } from '../../api/api-client';
import { useApi } from '../../api/api.context';
import { ApiError } from '../../api/api-error';
import type { AuditFilter } from './audit-filter';

export type { AuditEventPage, AuditEventView } from '@zemag/contracts';

/** Events per page: a screenful on a desk, not too long a list on a phone. */
export const AUDIT_PAGE_SIZE = 50;

/**
 * The filtered events as the CSV file (every matching event, not one page). Fetched with the
 * filter in the body rather than linked: it may name a person, and a link would put that id
 * into an address.
 */
export async function fetchAuditCsv(
  filter: AuditFilter,
  fetchImpl: typeof fetch = fetch,
): Promise<Blob> {
  let response: Response;
  try {
    response = await fetchImpl(audit.eventsCsv.path, {
      method: audit.eventsCsv.method,
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { accept: 'text/csv', 'content-type': 'application/json' },
      body: JSON.stringify(filter),
    });
  } catch {
    throw new ApiError({ status: 0, code: 'client.network' });
  }
  if (!response.ok) throw await toApiError(response);
  return response.blob();
}

/** The DPO's calls of the audit log, by their contracts in packages/contracts. */
export function auditApi(api: ApiClient) {
  return {
    events: (filter: AuditFilter, before: number | null) =>
      api.call(audit.events, {
        body: { ...filter, limit: AUDIT_PAGE_SIZE, ...(before ? { before } : {}) },
      }),
    exportCsv: (filter: AuditFilter) => fetchAuditCsv(filter),
  };
}

export function useAuditApi() {
  const api = useApi();
  return useMemo(() => auditApi(api), [api]);
}
