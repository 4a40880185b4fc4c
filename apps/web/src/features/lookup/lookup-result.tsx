import {
  type FieldLookupCandidate,
  type LocalizedText,
  type LookupResult,
  type RegistrarLookupCandidate,
  telephoneHref,
} from '@zemag/contracts';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/app-link';
import { formatDate } from '../../ui/format';
import { Alert } from '../../ui/alert';
import { Badge, type BadgeVariant } from '../../ui/badge';
import { formatBirthDate } from './birth-date';
import './lookup.css';

type Candidate = FieldLookupCandidate | RegistrarLookupCandidate;

/** A server text in the UI language. */
export function localText(text: LocalizedText, language: string): string {
  return language.toLowerCase().startsWith('en') ? text.en : text.de;
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="kern-description-list-item">
      <dt className="kern-description-list-item__key">{label}</dt>
      <dd className="kern-description-list-item__value">{children}</dd>
    </div>
  );
}

/**
 * How sure the match is, in a neutral colour: the danger is the level bar's to show, and a
 * "sicher" match of a level-2 entry is no more dangerous than a "möglich" one.
 */
const BAND_VARIANT: Record<FieldLookupCandidate['band'], BadgeVariant> = {
  sicher: 'info',
  wahrscheinlich: 'info',
  möglich: 'info',
};

/** The level in colour and words, as a bar across the card. */
function LevelBar({ level }: { level: number }) {
  const { t } = useTranslation();
  return (
    <p className={`zm-hit__level zm-hit__level--${level}`}>
      <span
        className={`kern-icon kern-icon--${level >= 3 ? 'danger' : 'warning'}`}
        aria-hidden="true"
      />
      <span>{t('lookup.level.badge', { level, name: t(`lookup.level.name.${level}`) })}</span>
    </p>
  );
}

function nameOf(c: { familyName: string; givenNames: string | null }): string {
  return c.givenNames ? `${c.familyName}, ${c.givenNames}` : c.familyName;
}

function addressOf(a: NonNullable<FieldLookupCandidate['matchedAddress']>): string {
  const street = [a.street, a.houseNumber].filter(Boolean).join(' ');
  const city = [a.postalCode, a.city].filter(Boolean).join(' ');
  return [street, city].filter(Boolean).join(', ');
}

/** What only registrars get: score, aliases, listing status, incidents with links. */
function RegistrarRows({ candidate }: { candidate: RegistrarLookupCandidate }) {
  const { t } = useTranslation();
  const { listing } = candidate;
  return (
    <>
      <Row label={t('lookup.hit.score')}>{candidate.score.toFixed(2)}</Row>
      {candidate.aliases.length > 0 ? (
        <Row label={t('lookup.hit.aliases')}>{candidate.aliases.map(nameOf).join('; ')}</Row>
      ) : null}
      <Row label={t('lookup.hit.status')}>
        <span className="zm-hit__badges">
          <Badge
            variant={listing.status === 'active' ? 'success' : 'warning'}
            label={t(`lookup.listingStatus.${listing.status}`)}
          />
          {listing.restricted ? (
            <Badge variant="danger" label={t('lookup.hit.restricted')} />
          ) : null}
        </span>
      </Row>
      <Row label={t('lookup.hit.incidents')}>
        {listing.incidents.length === 0 ? (
          t('lookup.hit.noIncidents')
        ) : (
          <ul className="zm-hit__links" data-testid="hit-incidents">
            {listing.incidents.map((incident) => (
              <li key={incident.id}>
                <AppLink className="kern-link" href={`/review/${incident.id}`}>
                  {incident.reference}
                </AppLink>
              </li>
            ))}
          </ul>
        )}
      </Row>
      <Row label={t('lookup.hit.records')}>
        <ul className="zm-hit__links">
          <li>
            <AppLink className="kern-link" href={`/persons/${candidate.personId}`}>
              {t('lookup.hit.personLink')}
            </AppLink>
          </li>
          <li>
            <AppLink className="kern-link" href={`/listings/${listing.id}`}>
              {t('lookup.hit.listingLink')}
            </AppLink>
          </li>
        </ul>
      </Row>
    </>
  );
}

/**
 * One person found: the level first (colour and words), the name, how sure the match is and
 * why, then what to do: precautions, valid until, whom to call.
 */
export function CandidateCard({
  candidate,
  headingLevel = 3,
}: {
  candidate: Candidate;
  headingLevel?: 3 | 4 | 5;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const titleId = useId();
  const Heading = (['h3', 'h4', 'h5'] as const)[headingLevel - 3]!;
  const c = candidate;
  return (
    <article className={`zm-hit zm-hit--${c.level}`} aria-labelledby={titleId} data-testid="hit">
      <LevelBar level={c.level} />
      <div className="zm-hit__body">
        <div className="zm-hit__head">
          <Heading className="kern-heading-small zm-hit__name" id={titleId}>
            {nameOf(c)}
          </Heading>
          <Badge
            variant={BAND_VARIANT[c.band]}
            label={t('lookup.hit.band', { band: t(`lookup.band.${c.band}`) })}
          />
        </div>
        <p className="kern-body zm-hit__why">{localText(c.explanation, language)}</p>
        <dl className="kern-description-list zm-hit__facts">
          <Row label={t('lookup.hit.dateOfBirth')}>
            {c.dateOfBirth ? formatBirthDate(c.dateOfBirth, language) : t('lookup.hit.unknown')}
          </Row>
          {c.matchedAddress ? (
            <Row label={t('lookup.hit.address')}>
              {addressOf(c.matchedAddress)}
              {c.matchedAddress.current ? null : ` (${t('lookup.hit.formerAddress')})`}
            </Row>
          ) : null}
          <Row label={t('lookup.hit.categories')}>
            {c.categories.map((code) => t(`lookup.category.${code}`)).join(', ')}
          </Row>
          <Row label={t('lookup.hit.precautions')}>
            {c.precautions.length === 0 && !c.precautionsText ? (
              t('lookup.hit.noPrecautions')
            ) : (
              <ul className="zm-hit__precautions">
                {c.precautions.map((p) => (
                  <li key={p.code}>{localText(p, language)}</li>
                ))}
                {c.precautionsText ? <li className="zm-pre">{c.precautionsText}</li> : null}
              </ul>
            )}
          </Row>
          <Row label={t('lookup.hit.validUntil')}>{formatDate(c.validUntil, language)}</Row>
          <Row label={t('lookup.hit.contact')}>
            {c.contact ? (
              <>
                <span className="zm-hit__department">{c.contact.department}</span>
                {c.contact.phone ? (
                  <a
                    className="kern-link zm-touch-link zm-hit__phone"
                    href={telephoneHref(c.contact.phone)}
                    aria-label={t('lookup.hit.call', {
                      department: c.contact.department,
                      phone: c.contact.phone,
                    })}
                  >
                    {c.contact.phone}
                  </a>
                ) : null}
                {c.contact.contact ? (
                  <span className="zm-pre zm-hit__contact">{c.contact.contact}</span>
                ) : null}
              </>
            ) : (
              t('lookup.hit.noContact')
            )}
          </Row>
          {'listing' in c ? <RegistrarRows candidate={c} /> : null}
        </dl>
      </div>
    </article>
  );
}

/**
 * The answer of a look-up: the notice always ("no entry never means no risk"), then one card
 * per person found, best match first.
 */
export function LookupAnswer({
  result,
  headingLevel = 3,
}: {
  result: Pick<LookupResult, 'notice'> & { candidates: readonly Candidate[] };
  headingLevel?: 3 | 4 | 5;
}) {
  const { t, i18n } = useTranslation();
  const none = result.candidates.length === 0;
  return (
    <div className="zm-answer" data-testid="lookup-answer">
      <Alert
        variant={none ? 'info' : 'warning'}
        title={
          none
            ? localText(result.notice, i18n.language)
            : t('lookup.result.found', { count: result.candidates.length })
        }
      >
        {none ? null : <p className="kern-body">{localText(result.notice, i18n.language)}</p>}
      </Alert>
      {none ? null : (
        <ol className="zm-hits">
          {result.candidates.map((candidate, i) => (
            <li key={i}>
              <CandidateCard candidate={candidate} headingLevel={headingLevel} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
