import {
  DEFAULT_LOOKUP_REASONS,
  DEFAULT_PRECAUTIONS,
  LOOKUP_NOTICES,
  type CurrentUser,
  type FieldLookupCandidate,
  type IncidentCategory,
  type LookupReason,
  type LookupRequest,
  type LookupResult,
  type Precaution,
  type RegistrarLookupCandidate,
} from '@zemag/contracts';
import { sql } from 'drizzle-orm';
import type { Clock } from '../../clock.js';
import type { Db, DbOrTx, Tx } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import type { AuditService } from '../audit/audit.service.js';
import { noLookupLimit, type LookupLimits } from '../lookup-limits/lookup-limits.service.js';
import { houseNumberCovers } from '../matching/address.js';
import { DEFAULT_FILE_NUMBER_PATTERN, fileNumberMatches } from './file-number.js';
import { recordLookupDisclosures } from './lookup.disclosures.js';
import { koelnerPhonetikWord } from '../matching/koelner-phonetik.js';
import {
  addressKeysOf,
  dateOf,
  familyNameWords,
  firstGivenName,
  searchKeysOf,
} from './lookup.keys.js';
import {
  findPersonsForKeys,
  replaceSearchKeys,
  searchCandidates,
  type CandidateRecord,
  type SearchLimits,
  type Visibility,
} from './lookup.repository.js';
import { prepareName } from '../matching/name-match.js';
import {
  DEFAULT_RANK_SETTINGS,
  rankCandidates,
  type AddressKeys,
  type Audience,
  type CandidatePerson,
  type PersonQuery,
  type RankedCandidate,
  type RankSettings,
} from '../matching/rank.js';
import type { NameFrequencies } from '../matching/term-frequency.js';
import { readNameFrequencies } from './name-frequency.repository.js';
import { trigramSimilarity } from '../matching/trigram.js';

/**
 * Recomputes the search keys of the given persons from their current record (names, aliases,
 * former names, date of birth, addresses). Call it in the same transaction after every change
 * of a person: create, edit, add/remove a name or address, merge (with both ids).
 */
export async function refreshSearchKeys({
  db,
  personIds,
}: {
  db: DbOrTx;
  personIds: readonly string[];
}) {
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return;
  const { records } = await findPersonsForKeys({ db, ids });
  const keys = records.map(searchKeysOf);
  await replaceSearchKeys({
    db,
    personIds: ids,
    names: keys.flatMap((k) => k.names),
    words: dedupeWords(keys.flatMap((k) => k.words)),
    addresses: keys.flatMap((k) => k.addresses),
  });
}

function dedupeWords(words: { word: string; code: string }[]) {
  return [...new Map(words.map((w) => [w.word, w])).values()];
}

/** Settings of the look-up; every value has a default measured with `zemag match-eval`. */
export interface LookupSettings {
  /** The reasons a look-up may state. */
  reasons: readonly LookupReason[];
  /** The form a stated file number must have (`ZEMAG_FILE_NUMBER_PATTERN`). */
  fileNumberPattern: RegExp;
  /** The precaution catalogue (codes stored in listings → texts shown). */
  precautions: readonly Precaution[];
  /** Thresholds per audience and the register-size prior (`matching/weights.ts`). */
  rank: RankSettings;
  /** At most this many candidates are shown. */
  maxCandidates: number;
  /** How many persons the SQL pre-selection hands to the ranking (see `SearchLimits`). */
  preselect: SearchLimits;
  /** pg_trgm similarity from which an indexed spelling is tried (at least 0.3, see `expandedWords`). */
  trigramThreshold: number;
  /** At most this many similar spellings per word asked. */
  similarPerWord: number;
  /** Similar spellings are looked for among words of the same initial and this many letters more or fewer. */
  similarLengthWindow: number;
  /** The city's time zone: "valid until" is one of its calendar dates. */
  timeZone: string;
}

export const DEFAULT_LOOKUP_SETTINGS: LookupSettings = {
  reasons: DEFAULT_LOOKUP_REASONS,
  fileNumberPattern: new RegExp(DEFAULT_FILE_NUMBER_PATTERN, 'u'),
  precautions: DEFAULT_PRECAUTIONS,
  rank: DEFAULT_RANK_SETTINGS,
  maxCandidates: 10,
  preselect: { byName: 50, byGivenAndDate: 20, byAddress: 50, rowsPerWideBranch: 200 },
  trigramThreshold: 0.3,
  similarPerWord: 40,
  similarLengthWindow: 1,
  timeZone: 'Europe/Berlin',
};

/** A look-up as the service takes it (the HTTP schema has validated the shape). */
export interface LookupQuery {
  familyName?: string | undefined;
  givenNames?: string | undefined;
  dateOfBirth?: string | undefined;
  address?:
    | {
        street: string;
        houseNumber?: string | undefined;
        postalCode?: string | undefined;
        city?: string | undefined;
      }
    | undefined;
}

type Candidate = CandidatePerson & { record: CandidateRecord };
export type RankedLookupCandidate = RankedCandidate<Candidate> & {
  matchedAddress: CandidateRecord['addresses'][number] | null;
};

type Actor = Pick<CurrentUser, 'id' | 'abilities'>;
export type LookupService = ReturnType<typeof createLookupService>;

function isCurrent(validTo: string | null, today: string) {
  return validTo === null || validTo >= today;
}

/** The stored address that best fits the one asked (same rules as the ranking). */
function matchedAddress(asked: AddressKeys, record: CandidateRecord, today: string) {
  let best: { score: number; address: CandidateRecord['addresses'][number] } | null = null;
  for (const address of record.addresses) {
    const keys = addressKeysOf(address);
    if (asked.postalCode && keys.postalCode && asked.postalCode !== keys.postalCode) continue;
    const street =
      asked.streetKey === keys.streetKey ? 1 : trigramSimilarity(asked.streetKey, keys.streetKey);
    if (street < 0.6) continue;
    const house =
      asked.houseNumber && keys.houseNumber
        ? houseNumberCovers(keys.houseNumber, asked.houseNumber)
        : !asked.houseNumber;
    const score = (house ? 1 : 0.5) * street * (isCurrent(address.validTo, today) ? 1 : 0.9);
    if (!best || score > best.score) best = { score, address };
  }
  return best?.address ?? null;
}

export function createLookupService({
  db,
  audit,
  clock,
  limits = noLookupLimit,
  settings: overrides = {},
}: {
  db: Db;
  audit: AuditService;
  clock: Clock;
  /** The per-user look-up budget; without it (evaluations) look-ups are not limited. */
  limits?: LookupLimits;
  settings?: Partial<LookupSettings>;
}) {
  const settings: LookupSettings = { ...DEFAULT_LOOKUP_SETTINGS, ...overrides };
  // `localDate` with the formatter made once (making one costs more than a whole ranking).
  const dayFormat = new Intl.DateTimeFormat('en-CA', {
    timeZone: settings.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const todayOf = (instant: Date) => dayFormat.format(instant);
  const precautionText = new Map(settings.precautions.map((p) => [p.code, p]));

  /**
   * Finds and ranks the persons whose visible listing matches the query: SQL pre-selection
   * (words expanded by phonetic code and trigram similarity, narrowed by the date of birth;
   * addresses by street and number), then `rankCandidates` decides by the evidence, the
   * register's name frequencies and size what the audience is shown.
   */
  async function search({
    db: conn = db,
    query,
    visibility,
    withIncidents = false,
    audience = 'field',
  }: {
    db?: DbOrTx;
    query: LookupQuery;
    visibility: Visibility;
    /** Registrars: the references of the incidents each listing rests on. */
    withIncidents?: boolean;
    /** Field staff see probable candidates only (default), registrars possible ones too. */
    audience?: Audience;
  }): Promise<RankedLookupCandidate[]> {
    const today = todayOf(clock.now());
    const words = query.familyName ? familyNameWords(query.familyName) : [];
    const askedAddress = query.address ? addressKeysOf(query.address) : undefined;
    const given = firstGivenName(query.givenNames);
    // Given names typed into the family-name field (and the other way round): the given
    // words are tried as family words too, by spelling and sound.
    const givenWords = query.givenNames ? familyNameWords(query.givenNames) : [];
    const swapped = query.familyName ? firstGivenName(query.familyName) : null;
    const date = dateOf(query.dateOfBirth);
    if (conn !== db && 'rollback' in conn) {
      // JIT compilation takes longer (up to 250 ms) than these index look-ups ever do.
      await conn.execute(sql`SET LOCAL jit = off`);
    }
    const { candidates } = await searchCandidates({
      db: conn,
      asked: [
        ...words.map((word) => ({ word, code: koelnerPhonetikWord(word), swapped: false })),
        ...givenWords
          .filter((word) => !words.includes(word))
          .map((word) => ({ word, code: koelnerPhonetikWord(word), swapped: true })),
      ],
      exactWords: words,
      givenWord: given?.word ?? null,
      givenCodes: [...new Set([given?.code, swapped?.code].filter((c): c is string => !!c))],
      date: date.precision === 'unknown' ? null : date,
      address:
        askedAddress && askedAddress.streetKey !== ''
          ? {
              streetKey: askedAddress.streetKey,
              postalCode: askedAddress.postalCode,
              houseNumber: askedAddress.houseNumber?.number,
              cityKey: askedAddress.cityKey,
            }
          : null,
      visibility,
      withIncidents,
      threshold: settings.trigramThreshold,
      similarPerWord: settings.similarPerWord,
      lengthWindow: settings.similarLengthWindow,
      limits: settings.preselect,
    });
    if (candidates.length === 0) return [];
    const frequencies = await frequenciesOf(conn, candidates);
    const ranked = rank({
      query,
      records: candidates,
      limit: settings.maxCandidates,
      today,
      frequencies,
      audience,
    });
    return ranked.map((r) => ({
      ...r,
      matchedAddress: askedAddress ? matchedAddress(askedAddress, r.candidate.record, today) : null,
    }));
  }

  /** The register's counts of the candidates' name words and its size (term frequencies). */
  async function frequenciesOf(conn: DbOrTx, records: readonly CandidateRecord[]) {
    const family = new Set<string>();
    const given = new Set<string>();
    for (const { person, names } of records) {
      for (const name of [person.familyName, ...names.map((n) => n.familyName)]) {
        for (const word of prepareName(name).folded) family.add(word);
      }
      for (const name of [person.givenNames, ...names.map((n) => n.givenNames)]) {
        if (name) for (const word of prepareName(name).folded) given.add(word);
      }
    }
    return readNameFrequencies({ db: conn, family: [...family], given: [...given] });
  }

  /**
   * Ranks candidate records for a query (the search's last step; also for diagnostics).
   * Without `frequencies` the names are weighed by the name lists alone.
   */
  function rank({
    query,
    records,
    limit,
    today = todayOf(clock.now()),
    frequencies,
    audience = 'field',
  }: {
    query: LookupQuery;
    records: readonly CandidateRecord[];
    limit?: number;
    today?: string;
    frequencies?: NameFrequencies;
    audience?: Audience;
  }) {
    const askedAddress = query.address ? addressKeysOf(query.address) : undefined;
    return rankCandidates<Candidate>(
      personQuery(query, askedAddress),
      records.map((record) => ({
        record,
        id: record.person.id,
        familyNames: [record.person.familyName, ...record.names.map((n) => n.familyName)],
        givenNames: [record.person.givenNames, ...record.names.map((n) => n.givenNames)].filter(
          (g): g is string => g !== null && g !== '',
        ),
        dateOfBirth: dateOf(record.person.dateOfBirth),
        // The ranking reads the candidates' addresses only when an address was asked.
        addresses: (askedAddress ? record.addresses : []).map((a) => {
          const keys = addressKeysOf(a);
          return {
            streetKey: keys.streetKey,
            houseNumber: keys.houseNumber,
            postalCode: keys.postalCode,
            cityKey: keys.cityKey,
            current: isCurrent(a.validTo, today),
          };
        }),
      })),
      settings.rank,
      limit,
      { frequencies, audience },
    );
  }

  function personQuery(
    query: LookupQuery,
    address: ReturnType<typeof addressKeysOf> | undefined,
  ): PersonQuery {
    const date = dateOf(query.dateOfBirth);
    return {
      familyName: query.familyName || undefined,
      givenNames: query.givenNames || undefined,
      dateOfBirth: date.precision === 'unknown' ? undefined : date,
      address: address
        ? {
            streetKey: address.streetKey,
            houseNumber: address.houseNumber,
            postalCode: address.postalCode,
            cityKey: address.cityKey,
          }
        : undefined,
    };
  }

  function fieldCandidate(r: RankedLookupCandidate): FieldLookupCandidate {
    const { person, listing, contact } = r.candidate.record;
    const address = r.matchedAddress;
    return {
      band: r.band,
      explanation: r.explanation,
      familyName: person.familyName,
      givenNames: person.givenNames,
      dateOfBirth: person.dateOfBirth,
      matchedAddress: address
        ? {
            street: address.street,
            houseNumber: address.houseNumber,
            postalCode: address.postalCode,
            city: address.city,
            current: isCurrent(address.validTo, todayOf(clock.now())),
          }
        : null,
      level: listing.level,
      categories: listing.categories as IncidentCategory[],
      precautions: listing.precautions.map(
        (code) => precautionText.get(code) ?? { code, de: code, en: code },
      ),
      precautionsText: listing.precautionsText,
      validUntil: listing.validUntil,
      contact,
    };
  }

  function registrarCandidate(r: RankedLookupCandidate): RegistrarLookupCandidate {
    const { person, listing, names, incidents } = r.candidate.record;
    return {
      ...fieldCandidate(r),
      personId: person.id,
      score: Math.round(r.score * 1000) / 1000,
      aliases: names.map((n) => ({ familyName: n.familyName, givenNames: n.givenNames })),
      listing: {
        id: listing.id,
        status: listing.status as RegistrarLookupCandidate['listing']['status'],
        restricted: listing.restricted,
        incidents,
      },
    };
  }

  /** Which listings the caller may see: registrars also proposed and restricted ones. */
  function visibilityFor(actor: Actor, today: string): Visibility {
    return actor.abilities.includes('listing.manage')
      ? { statuses: ['active', 'proposed'], includeRestricted: true, validOn: null }
      : { statuses: ['active'], includeRestricted: false, validOn: today };
  }

  /** The stated purpose's reason, or a 400 naming the reason or file number at fault. */
  function checkPurpose(purpose: { fileNumber: string; reason: string }): LookupReason {
    const reason = settings.reasons.find((r) => r.code === purpose.reason);
    if (!reason) throw new AppError(400, 'lookup.reason_unknown', { field: 'purpose.reason' });
    if (!fileNumberMatches(settings.fileNumberPattern, purpose.fileNumber)) {
      throw new AppError(400, 'lookup.file_number_invalid', { field: 'purpose.fileNumber' });
    }
    return reason;
  }

  return {
    settings,
    search,
    rank,
    /** The register's name counts for candidate records: pass them to `rank` to score as `search` does. */
    nameFrequencies: frequenciesOf,
    refreshSearchKeys,

    /** The configured reasons a look-up may state. */
    reasons: () => ({ reasons: [...settings.reasons] }),

    checkPurpose,

    /**
     * A look-up with its purpose: ranked candidates, shaped for the caller (field staff get the
     * minimal answer), audited with the query, purpose and the ids shown in one transaction.
     */
    async lookup({
      actor,
      request,
      tx: outer,
    }: {
      actor: Actor;
      request: LookupRequest & { purpose: { fileNumber: string; reason: string } };
      /** A transaction to run in (a visit list audits all its lines in one); default: its own. */
      tx?: Tx;
    }): Promise<LookupResult> {
      const reason = checkPurpose(request.purpose);
      const query: LookupQuery = {
        familyName: request.familyName,
        givenNames: request.givenNames,
        dateOfBirth: request.dateOfBirth,
        address: request.address,
      };
      const hasName =
        query.familyName !== undefined && familyNameWords(query.familyName).length > 0;
      const hasStreet =
        query.address !== undefined && addressKeysOf(query.address).streetKey !== '';
      if (!hasName && !hasStreet) {
        throw new AppError(400, 'lookup.query_too_vague', {
          field: query.familyName ? 'familyName' : query.address ? 'address.street' : 'familyName',
        });
      }
      const registrar = actor.abilities.includes('listing.manage');
      // A look-up of its own spends one of the user's budget; a visit list (`outer`) has spent
      // one per entry before its transaction began.
      const run = <T>(work: (tx: Tx) => Promise<T>) =>
        outer
          ? work(outer)
          : limits.spend({ actor, cost: 1, kind: 'lookup' }, () => db.transaction(work));
      return run(async (tx) => {
        const today = todayOf(clock.now());
        const ranked = await search({
          db: tx,
          query,
          visibility: visibilityFor(actor, today),
          withIncidents: registrar,
          audience: registrar ? 'registrar' : 'field',
        });
        // The answer is shaped before the audit: the chain-head lock the audit takes is held
        // until COMMIT, so nothing else should run between the two.
        const notice = ranked.length === 0 ? LOOKUP_NOTICES.none : LOOKUP_NOTICES.some;
        const answer = registrar
          ? {
              view: 'registrar' as const,
              notice,
              candidates: ranked.map(registrarCandidate),
            }
          : {
              view: 'field' as const,
              notice,
              candidates: ranked.map(fieldCandidate),
            };
        const personIds = ranked.map((r) => r.candidate.id);
        // The names, dates and addresses typed go to `terms` (kept apart, cleared by
        // retention); the chain keeps the purpose, the ids shown and the terms' digest.
        const { seq } = await audit.record({
          tx,
          actor: actor.id,
          action: 'register.lookup',
          purpose: `${reason.de}: ${request.purpose.fileNumber}`,
          details: {
            reason: reason.code,
            fileNumber: request.purpose.fileNumber,
            view: registrar ? 'registrar' : 'field',
            personIds,
            listingIds: ranked.map((r) => r.candidate.record.listing.id),
            // one line of a visit list (the anomaly rules say how many of a burst came so)
            ...(outer ? { visitList: true } : {}),
          },
          terms: { query },
        });
        await recordLookupDisclosures({
          tx,
          actorId: actor.id,
          personIds,
          occurredAt: clock.now(),
          auditSeq: seq,
        });
        return { ...answer, auditSeq: seq };
      });
    },
  };
}
