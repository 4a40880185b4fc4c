import {
  correctionsContract as corrections,
  type IncidentCorrectionRequest,
  incidentsContract as incidents,
  type LinkPersonRequest,
  listingLifeContract as life,
  listingsContract as listings,
  type ListingProposal,
  type ListingStatus,
  notificationsContract,
  type NotificationRecord,
  type PersonCorrectionRequest,
  personsContract as persons,
  type ReviewDecision,
} from '@zemag/contracts';
import { useMemo } from 'react';
import { type ApiClient, routeUrl, toApiError } from '../../api/api-client';
import { useApi } from '../../api/api.context';
import { ApiError } from '../../api/api-error';

/** The letter as a file, or an ApiError with the server's code. */
export async function fetchLetter(
  id: string,
  fetchImpl: typeof fetch = fetch,
): Promise<{ blob: Blob; fileName: string }> {
  let response: Response;
  try {
    response = await fetchImpl(routeUrl(listings.letter.path, { id }), {
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

/** Every call of the registrars' pages, by their contracts in packages/contracts. */
export function reviewApi(api: ApiClient) {
  const byId = (id: string) => ({ params: { id } });
  return {
    queue: async () => (await api.call(incidents.reviewQueue)).incidents,
    incident: (id: string) => api.call(incidents.get, byId(id)),
    startReview: (id: string) => api.call(incidents.startReview, byId(id)),
    decide: (id: string, decision: ReviewDecision) =>
      api.call(incidents.decide, { ...byId(id), body: decision }),
    suggestions: async (id: string, involvedId: string) =>
      (await api.call(persons.suggestions, { params: { id, involvedId } })).candidates,
    linkPerson: (id: string, involvedId: string, request: LinkPersonRequest) =>
      api.call(persons.link, { params: { id, involvedId }, body: request }),

    person: (id: string) => api.call(persons.get, byId(id)),
    personIncidents: async (id: string) => (await api.call(persons.incidents, byId(id))).incidents,
    mergePerson: (keepId: string, mergeId: string, reason: string) =>
      api.call(persons.merge, { ...byId(keepId), body: { mergeId, reason } }),
    correctPerson: (id: string, request: PersonCorrectionRequest) =>
      api.call(corrections.correctPerson, { ...byId(id), body: request }),
    correctIncident: (id: string, request: IncidentCorrectionRequest) =>
      api.call(corrections.correctIncident, { ...byId(id), body: request }),

    precautions: async () => (await api.call(listings.precautions)).precautions,
    listings: async (statuses: readonly ListingStatus[]) =>
      (await api.call(listings.list, { query: { status: statuses.join(',') } })).listings,
    listing: (id: string) => api.call(listings.get, byId(id)),
    propose: (proposal: ListingProposal) => api.call(listings.propose, { body: proposal }),
    activate: (id: string, reason: string | null) =>
      api.call(listings.activate, { ...byId(id), body: { reason } }),
    recordNotification: (id: string, record: NotificationRecord) =>
      api.call(listings.recordNotification, { ...byId(id), body: record }),
    // A listing's life cycle: decline, end, extend (four-eyes), restrict, the review queue.
    decline: (id: string, reason: string) =>
      api.call(life.decline, { ...byId(id), body: { reason } }),
    end: (id: string, reason: string) => api.call(life.end, { ...byId(id), body: { reason } }),
    proposeExtension: (id: string, validUntil: string, reason: string) =>
      api.call(life.proposeExtension, { ...byId(id), body: { validUntil, reason } }),
    confirmExtension: (id: string) => api.call(life.confirmExtension, byId(id)),
    withdrawExtension: (id: string, reason: string) =>
      api.call(life.withdrawExtension, { ...byId(id), body: { reason } }),
    restrict: (id: string, until: string, reason: string, onRequest: boolean) =>
      api.call(life.restrict, { ...byId(id), body: { until, reason, onRequest } }),
    liftRestriction: (id: string, reason: string) =>
      api.call(life.liftRestriction, { ...byId(id), body: { reason } }),
    due: () => api.call(life.due),

    notifications: () => api.call(notificationsContract.list),
  };
}

export type ReviewApi = ReturnType<typeof reviewApi>;

/** The registrars' calls on the app's API client. */
export function useReviewApi(): ReviewApi {
  const api = useApi();
  return useMemo(() => reviewApi(api), [api]);
}
