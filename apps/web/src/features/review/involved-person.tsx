import { formatPartialDate } from '../../ui/format';
import type { InvolvedPerson, Permission, PersonInput } from '@zemag/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/app-link';
import { problemMessage } from '../../api/problem-message';
import { useTranslator } from '../../i18n/use-translator';
import { Alert } from '../../ui/alert';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { ResourceState } from '../../ui/resource-state';
import { asApiError, useResource } from '../../ui/use-resource';
import { NewPersonForm } from '../persons/person-form';
import { useReviewApi } from './review.api';
import { addressLine, personFormFromReport, personName } from './review.model';

/** What the reporter wrote about the person, in one line. */
function reportedLine(person: InvolvedPerson, born: (date: string) => string): string {
  return [
    personName(person),
    person.dateOfBirth ? born(person.dateOfBirth) : '',
    person.address ? addressLine(person.address) : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * One person from the report: what was reported, and either the linked record or the records
 * that may be this person (with why) and the way to create a new one.
 */
export function InvolvedPersonCard({
  incidentId,
  person,
  index,
  canLink,
  abilities,
  onLinked,
}: {
  incidentId: string;
  person: InvolvedPerson;
  index: number;
  /** The report's `actions` include `link_persons`. */
  canLink: boolean;
  abilities: readonly Permission[];
  onLinked(message: string): void;
}) {
  const { t, i18n } = useTranslation();
  const born = (date: string) =>
    t('review.person.born', { date: formatPartialDate(date, i18n.language) });
  const title = personName(person) || t('review.involved.unnamed', { n: index + 1 });
  const headingId = `involved-${person.id}-title`;
  return (
    <article className="zm-involved" aria-labelledby={headingId} data-testid="involved-person">
      <h3 className="kern-heading-small" id={headingId}>
        {title}
      </h3>
      <p className="kern-body">
        {reportedLine(person, born) || t('review.involved.noName')}
        {person.description ? (
          <span className="zm-cell-note zm-pre">{person.description}</span>
        ) : null}
      </p>
      {person.personId ? (
        <p className="kern-body zm-actions">
          <Badge variant="success" label={t('review.involved.linked')} />
          {abilities.includes('listing.manage') ? (
            <AppLink className="kern-link" href={`/persons/${person.personId}`}>
              {t('review.involved.openPerson', { name: title })}
            </AppLink>
          ) : null}
        </p>
      ) : canLink ? (
        <LinkChoices incidentId={incidentId} person={person} title={title} onLinked={onLinked} />
      ) : (
        <p className="kern-body zm-empty">{t('review.involved.notLinked')}</p>
      )}
    </article>
  );
}

function LinkChoices({
  incidentId,
  person,
  title,
  onLinked,
}: {
  incidentId: string;
  person: InvolvedPerson;
  title: string;
  onLinked(message: string): void;
}) {
  const { t, i18n } = useTranslation();
  const translator = useTranslator();
  const review = useReviewApi();
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [suggestions, reload] = useResource(
    () => review.suggestions(incidentId, person.id),
    `${incidentId}:${person.id}`,
  );
  const candidates = suggestions.data;

  async function link(personId: string, name: string) {
    if (busy) return;
    setBusy(personId);
    setError(null);
    try {
      await review.linkPerson(incidentId, person.id, { personId });
      onLinked(t('review.involved.linkedNotice', { name }));
    } catch (failure) {
      setError(problemMessage(asApiError(failure), translator));
      setBusy(null);
    }
  }

  async function create(input: PersonInput) {
    const created = await review.linkPerson(incidentId, person.id, { create: input });
    onLinked(t('review.involved.createdNotice', { name: personName(created) }));
  }

  return (
    <div className="kern-stack-md">
      {error ? (
        <Alert variant="danger" title={t('admin.common.failed')} role="alert">
          <p className="kern-body">{error}</p>
        </Alert>
      ) : null}
      <h4 className="kern-title zm-subheading">{t('review.involved.suggestionsTitle')}</h4>
      <ResourceState resource={suggestions} reload={reload} />
      {candidates && candidates.length === 0 ? (
        <p className="kern-body zm-empty">{t('review.involved.noSuggestions')}</p>
      ) : null}
      {candidates && candidates.length > 0 ? (
        <ul className="zm-candidates" aria-label={t('review.involved.suggestionsFor', { title })}>
          {candidates.map(({ person: candidate, reasons }) => {
            const name = personName(candidate);
            return (
              <li key={candidate.id} className="zm-candidate" data-testid="candidate">
                <p className="kern-body">
                  <strong>{name}</strong>
                  {candidate.dateOfBirth
                    ? ` · ${t('review.person.born', { date: formatPartialDate(candidate.dateOfBirth, i18n.language) })}`
                    : ''}
                </p>
                {candidate.addresses.length > 0 ? (
                  <p className="kern-body kern-body--small">
                    {candidate.addresses.map((a) => addressLine(a)).join(' · ')}
                  </p>
                ) : null}
                <p className="kern-body kern-body--small">
                  {t('review.involved.because', {
                    reasons: reasons.map((r) => t(`review.reason.${r}`)).join(', '),
                  })}
                </p>
                <div className="zm-actions">
                  <Button
                    variant="secondary"
                    icon="check"
                    label={
                      busy === candidate.id
                        ? t('admin.common.working')
                        : t('review.involved.linkThis')
                    }
                    aria-label={t('review.involved.linkThisNamed', { name })}
                    aria-disabled={busy !== null || undefined}
                    onClick={() => void link(candidate.id, name)}
                  />
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
      {creating ? (
        <section className="kern-stack-md" aria-label={t('review.involved.createTitle')}>
          <h4 className="kern-title zm-subheading">{t('review.involved.createTitle')}</h4>
          <p className="kern-body kern-body--small">{t('review.involved.createIntro')}</p>
          <NewPersonForm
            idPrefix={`new-person-${person.id}-`}
            initial={personFormFromReport(person)}
            onCreate={create}
            onCancel={() => setCreating(false)}
          />
        </section>
      ) : (
        <div className="zm-actions">
          <Button
            variant="secondary"
            icon="add"
            label={t('review.involved.createOpen')}
            onClick={() => setCreating(true)}
          />
        </div>
      )}
    </div>
  );
}
