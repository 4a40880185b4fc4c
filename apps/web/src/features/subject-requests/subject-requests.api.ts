import {
  SUBJECT_REQUEST_DECISIONS,
  SUBJECT_REQUEST_KINDS,
  type SubjectRequestAnswer,
  subjectRequestsContract as requests,
  type SubjectRequestExtension,
  type SubjectRequestInput,
} from '@zemag/contracts';
import { useMemo } from 'react';
import { type ApiClient, routeUrl, toApiError } from '../../api/api-client';
import { useApi } from '../../api/api.context';
import { ApiError } from '../../api/api-error';

export { SubjectRequest } from '@zemag/contracts';
export const KINDS = SUBJECT_REQUEST_KINDS;
export const DECISIONS = SUBJECT_REQUEST_DECISIONS;

/** The access answer as a file (JSON or PDF), or an ApiError with the server's code. */
export async function fetchAccess(
  id: string,
  format: 'json' | 'pdf',
  fetchImpl: typeof fetch = fetch,
): Promise<{ blob: Blob; fileName: string }> {
  let response: Response;
  try {
    const route = format === 'json' ? requests.accessJson : requests.accessPdf;
    response = await fetchImpl(routeUrl(route.path, { id }), {
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    throw new ApiError({ status: 0, code: 'client.network' });
  }
  if (!response.ok) throw await toApiError(response);
  const header = response.headers.get('content-disposition') ?? '';
  const match = /filename="?([^";]+)"?/i.exec(header);
  return { blob: await response.blob(), fileName: match?.[1] ?? `auskunft.${format}` };
}

/** Every call of the data-subject request pages, by their contracts in packages/contracts. */
export function subjectRequestsApi(api: ApiClient) {
  const byId = (id: string) => ({ params: { id } });
  return {
    list: async (status: 'open' | 'answered' | 'all' = 'open') =>
      (await api.call(requests.list, { query: { status } })).requests,
    get: (id: string) => api.call(requests.get, byId(id)),
    // The forms' selects offer only the contract's kinds and decisions.
    record: (input: Record<'personId' | 'kind' | 'receivedOn' | 'identityCheck', string>) =>
      api.call(requests.record, {
        body: { ...input, kind: input.kind as SubjectRequestInput['kind'] },
      }),
    extend: (id: string, input: SubjectRequestExtension) =>
      api.call(requests.extend, { ...byId(id), body: input }),
    answer: (id: string, input: { decision: string; reason: string; answeredOn: string }) =>
      api.call(requests.answer, {
        ...byId(id),
        body: { ...input, decision: input.decision as SubjectRequestAnswer['decision'] },
      }),
    proposeErasure: (id: string) => api.call(requests.proposeErasure, byId(id)),
    confirmErasure: (id: string) => api.call(requests.confirmErasure, byId(id)),
  };
}

export function useSubjectRequestsApi() {
  const api = useApi();
  return useMemo(() => subjectRequestsApi(api), [api]);
}
