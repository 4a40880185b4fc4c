import type {
  FieldLookupCandidate,
  LocalizedText,
  LookupPurpose,
  LookupResult,
  VisitListLine,
  VisitListResult,
} from '@zemag/contracts';

/**
 * A visit list as it may be kept on the phone: only what field staff see. No ids, scores,
 * aliases, incidents or audit numbers; candidates that field staff would not be shown
 * (a proposed or restricted listing, seen by a registrar) are left out altogether.
 */
export interface StoredVisitList {
  createdAt: string;
  keepUntil: string;
  purpose: LookupPurpose;
  lines: StoredVisitLine[];
}

export interface StoredVisitLine {
  line: number;
  input: string;
  query: VisitListLine['query'];
  error: VisitListLine['error'];
  result: { notice: LocalizedText; candidates: FieldLookupCandidate[] } | null;
}

/** The field staff's part of one candidate, field by field (nothing else is copied). */
function minimalCandidate(c: FieldLookupCandidate): FieldLookupCandidate {
  return {
    band: c.band,
    explanation: { de: c.explanation.de, en: c.explanation.en },
    familyName: c.familyName,
    givenNames: c.givenNames,
    dateOfBirth: c.dateOfBirth,
    matchedAddress: c.matchedAddress
      ? {
          street: c.matchedAddress.street,
          houseNumber: c.matchedAddress.houseNumber,
          postalCode: c.matchedAddress.postalCode,
          city: c.matchedAddress.city,
          current: c.matchedAddress.current,
        }
      : null,
    level: c.level,
    categories: [...c.categories],
    precautions: c.precautions.map((p) => ({ code: p.code, de: p.de, en: p.en })),
    precautionsText: c.precautionsText,
    validUntil: c.validUntil,
    contact: c.contact
      ? { department: c.contact.department, phone: c.contact.phone, contact: c.contact.contact }
      : null,
  };
}

/** The candidates field staff would see: a registrar's answer also has proposed and restricted ones. */
function fieldCandidates(result: LookupResult): FieldLookupCandidate[] {
  if (result.view === 'field') return result.candidates.map(minimalCandidate);
  return result.candidates
    .filter((c) => c.listing.status === 'active' && !c.listing.restricted)
    .map(minimalCandidate);
}

/** The minimal copy of a visit list, fit to be kept (encrypted) on the phone. */
export function minimalVisitList(list: VisitListResult): StoredVisitList {
  return {
    createdAt: list.createdAt,
    keepUntil: list.keepUntil,
    purpose: { fileNumber: list.purpose.fileNumber, reason: list.purpose.reason },
    lines: list.lines.map((l) => ({
      line: l.line,
      input: l.input,
      query: l.query,
      error: l.error,
      result: l.result
        ? {
            notice: { de: l.result.notice.de, en: l.result.notice.en },
            candidates: fieldCandidates(l.result),
          }
        : null,
    })),
  };
}

/** True once a kept list must be gone (at `keepUntil` or later, or an unreadable date). */
export function isExpired(keepUntil: string, now: Date): boolean {
  const end = Date.parse(keepUntil);
  return Number.isNaN(end) || end <= now.getTime();
}

/**
 * Milliseconds until the next expiry check: the deadline itself, but at most a minute away,
 * since a phone that sleeps lets timers run late.
 */
export function nextCheckIn(keepUntil: string | null, now: Date, maxMs = 60_000): number {
  if (keepUntil === null) return maxMs;
  const left = Date.parse(keepUntil) - now.getTime();
  return Number.isNaN(left) ? 0 : Math.max(0, Math.min(left, maxMs));
}
