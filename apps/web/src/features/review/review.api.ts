import {
  Incident,
  incidentsContract as incidents,
  IncidentList,
  type LinkPersonRequest,
  Listing,
  ListingList,
  type ListingProposal,
  type ListingStatus,
  ListingsDue,
  NoticeList,
  type NotificationRecord,
  Person,
  PersonCandidate,
  Precaution,
  type ReviewDecision,
  type IncidentCorrectionRequest,
  type PersonCorrectionRequest,
} from '@zemag/contracts';
import { useMemo } from 'react';
import { z } from 'zod';
import { type ApiClient, toApiError } from '../../api/api-client';
import { useApi } from '../../api/api.context';
import { ApiError } from '../../api/api-error';

const V1 = '/api/v1';
const Candidates = z.object({ candidates: z.array(PersonCandidate) });
const Catalogue = z.object({ precautions: z.array(Precaution) });

const incident = (id: string) => `${V1}/incidents/${encodeURIComponent(id)}`;
const involved = (id: string, involvedId: string) =>
  `${incident(id)}/persons/${encodeURIComponent(involvedId)}`;
const person = (id: string) => `${V1}/persons/${encodeURIComponent(id)}`;
const listing = (id: string) => `${V1}/listings/${encodeURIComponent(id)}`;

/** The letter as a file, or an ApiError with the server's code. */
export async function fetchLetter(
  id: string,
  fetchImpl: typeof fetch = fetch,
): Promise<{ blob: Blob; fileName: string }> {
  let response: Response;
  try {
    response = await fetchImpl(`${listing(id)}/letter`, {
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { accept: 'application/pdf' },
    });
  } catch {
    throw new ApiError({ status: 0, code: 'client.network' });
  }
  if (!response.ok) throw await toApiError(response);
  return { blob: await response.blob(), fileName: letterFileName(response, id) };
}

/** The file name the server suggests (Content-Disposition), else one from the listing id. */
export function letterFileName(response: Pick<Response, 'headers'>, id: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(header);
  if (match?.[1]) {
    try {
      return decodeURIComponent(match[1]);
    } catch {
      return match[1];
    }
  }
  return `benachrichtigung-${id.slice(0, 8)}.pdf`;
}

/** Every call of the registrars' pages; one place for the paths. */
export function reviewApi(api: ApiClient) {
  return {
    queue: async () => (await api.call(incidents.reviewQueue)).incidents,
    incident: (id: string) => api.call(incidents.get, { params: { id } }),
    startReview: (id: string) => api.call(incidents.startReview, { params: { id } }),
    decide: (id: string, decision: ReviewDecision) =>
      api.call(incidents.decide, { params: { id }, body: decision }),
    suggestions: async (id: string, involvedId: string) =>
      (await api.get(`${involved(id, involvedId)}/suggestions`, Candidates)).candidates,
    linkPerson: (id: string, involvedId: string, request: LinkPersonRequest) =>
      api.post(`${involved(id, involvedId)}/link`, request, Person),

    person: (id: string) => api.get(person(id), Person),
    personIncidents: async (id: string) =>
      (await api.get(`${person(id)}/incidents`, IncidentList)).incidents,
    mergePerson: (keepId: string, mergeId: string, reason: string) =>
      api.post(`${person(keepId)}/merge`, { mergeId, reason }, Person),
    correctPerson: (id: string, request: PersonCorrectionRequest) =>
      api.post(`${person(id)}/corrections`, request, Person),
    correctIncident: (id: string, request: IncidentCorrectionRequest) =>
      api.post(`${incident(id)}/corrections`, request, Incident),

    precautions: async () => (await api.get(`${V1}/precautions`, Catalogue)).precautions,
    listings: async (statuses: readonly ListingStatus[]) =>
      (await api.get(`${V1}/listings?status=${statuses.join(',')}`, ListingList)).listings,
    listing: (id: string) => api.get(listing(id), Listing),
    propose: (proposal: ListingProposal) => api.post(`${V1}/listings`, proposal, Listing),
    activate: (id: string, reason: string | null) =>
      api.post(`${listing(id)}/activate`, { reason }, Listing),
    recordNotification: (id: string, record: NotificationRecord) =>
      api.post(`${listing(id)}/notification`, record, Listing),
    // A listing's life cycle: decline, end, extend (four-eyes), restrict, the review queue.
    decline: (id: string, reason: string) =>
      api.post(`${listing(id)}/decline`, { reason }, Listing),
    end: (id: string, reason: string) => api.post(`${listing(id)}/end`, { reason }, Listing),
    proposeExtension: (id: string, validUntil: string, reason: string) =>
      api.post(`${listing(id)}/extension`, { validUntil, reason }, Listing),
    confirmExtension: (id: string) => api.post(`${listing(id)}/extension/confirm`, {}, Listing),
    withdrawExtension: (id: string, reason: string) =>
      api.post(`${listing(id)}/extension/withdraw`, { reason }, Listing),
    restrict: (id: string, until: string, reason: string, onRequest: boolean) =>
      api.post(`${listing(id)}/restriction`, { until, reason, onRequest }, Listing),
    liftRestriction: (id: string, reason: string) =>
      api.post(`${listing(id)}/restriction/lift`, { reason }, Listing),
    due: () => api.get(`${V1}/listings/due`, ListingsDue),

    notifications: () => api.get(`${V1}/notifications`, NoticeList),
  };
}

export type ReviewApi = ReturnType<typeof reviewApi>;

/** The registrars' calls on the app's API client. */
export function useReviewApi(): ReviewApi {
  const api = useApi();
  return useMemo(() => reviewApi(api), [api]);
}
