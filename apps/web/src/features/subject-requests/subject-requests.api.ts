import { useMemo } from 'react';
import { z } from 'zod';
import { type ApiClient, toApiError } from '../../api/api-client';
import { useApi } from '../../api/api.context';
import { ApiError } from '../../api/api-error';

const V1 = '/api/v1/subject-requests';
export const KINDS = ['access', 'rectification', 'erasure', 'restriction', 'objection'] as const;
export const DECISIONS = ['granted', 'partly_granted', 'refused'] as const;

export const SubjectRequest = z.object({
  id: z.string(),
  reference: z.string(),
  kind: z.enum(KINDS),
  personId: z.string().nullable(),
  person: z
    .object({
      familyName: z.string(),
      givenNames: z.string().nullable(),
      dateOfBirth: z.string().nullable(),
    })
    .nullable(),
  receivedOn: z.string(),
  identityCheck: z.string(),
  dueOn: z.string(),
  extendedDueOn: z.string().nullable(),
  extensionReason: z.string().nullable(),
  effectiveDueOn: z.string(),
  overdue: z.boolean(),
  dueSoon: z.boolean(),
  decideBy: z.string().nullable(),
  status: z.enum(['open', 'answered']),
  decision: z.enum(DECISIONS).nullable(),
  decisionReason: z.string().nullable(),
  answeredOn: z.string().nullable(),
  erasureProposed: z.boolean(),
  listing: z.object({ id: z.string(), status: z.string(), restricted: z.boolean() }).nullable(),
});
export type SubjectRequest = z.infer<typeof SubjectRequest>;
const SubjectRequestList = z.object({ requests: z.array(SubjectRequest) });

const one = (id: string) => `${V1}/${encodeURIComponent(id)}`;

/** The access answer as a file (JSON or PDF), or an ApiError with the server's code. */
export async function fetchAccess(
  id: string,
  format: 'json' | 'pdf',
  fetchImpl: typeof fetch = fetch,
): Promise<{ blob: Blob; fileName: string }> {
  let response: Response;
  try {
    response = await fetchImpl(`${one(id)}/access.${format}`, {
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

/** Every call of the data-subject request pages. */
export function subjectRequestsApi(api: ApiClient) {
  return {
    list: async (status: 'open' | 'answered' | 'all' = 'open') =>
      (await api.get(`${V1}?status=${status}`, SubjectRequestList)).requests,
    get: (id: string) => api.get(one(id), SubjectRequest),
    record: (input: {
      personId: string;
      kind: string;
      receivedOn: string;
      identityCheck: string;
    }) => api.post(V1, input, SubjectRequest),
    extend: (id: string, input: { extendedDueOn: string; reason: string }) =>
      api.post(`${one(id)}/extension`, input, SubjectRequest),
    answer: (id: string, input: { decision: string; reason: string; answeredOn: string }) =>
      api.post(`${one(id)}/answer`, input, SubjectRequest),
    proposeErasure: (id: string) => api.post(`${one(id)}/erasure/propose`, {}, SubjectRequest),
    confirmErasure: (id: string) => api.post(`${one(id)}/erasure/confirm`, {}, SubjectRequest),
  };
}

export function useSubjectRequestsApi() {
  const api = useApi();
  return useMemo(() => subjectRequestsApi(api), [api]);
}
