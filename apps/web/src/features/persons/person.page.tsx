import type { CurrentUser, Listing, Person, PersonCorrectionRequest } from '@zemag/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/app-link';
import { navigate } from '../../app/router';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { setFlash, takeFlash } from '../../ui/flash';
import { formatDate, formatPartialDate } from '../../ui/format';
import { ResourceState } from '../../ui/resource-state';
import { useResource } from '../../ui/use-resource';
import { CorrectionHistory } from '../review/correction-history';
import { PersonCorrectionForm } from './correction-form';
import { ListingProposalForm } from '../listings/listing-proposal.form';
import { MergeDialog } from './merge-dialog';
import { PersonReports } from './person-reports';
import { ListingStatusBadge } from '../review/review-badges';
import { ReviewLayout } from '../review/review-layout';
import { mergeCandidates } from './merge-candidates';
import { useReviewApi } from '../review/review.api';
import { addressLine, confirmedReports, personName } from '../review/review.model';

/** A person record: names, addresses, linked reports; propose a listing; merge a duplicate. */
export function PersonPage({ user, id }: { user: CurrentUser; id: string }) {
  const { t, i18n } = useTranslation();
  const review = useReviewApi();
  const [resource, reload] = useResource(() => review.person(id), id);
  const [reports, reloadReports] = useResource(() => review.personIncidents(id), `${id}:reports`);
  const [listings] = useResource(() => review.listings(['proposed', 'active']), `${id}:listings`);
  const [notice, setNotice] = useState<string | null>(() => takeFlash());
  const [proposing, setProposing] = useState(false);
  const [merging, setMerging] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  const [candidates, setCandidates] = useState<Person[] | null>(null);
  const person = resource.data;
  const title = person ? personName(person) : t('review.personPage.title');
  const grounds = confirmedReports(reports.data ?? []);
  const open = (listings.data ?? []).filter((l) => l.person.id === id);

  function proposed(listing: Listing) {
    setFlash(t('review.proposal.proposedNotice', { name: personName(listing.person) }));
    navigate(`/listings/${listing.id}`);
  }

  function openMerge() {
    if (!person) return;
    setMerging(true);
    setCandidates(null);
    mergeCandidates(review, person).then(setCandidates, () => setCandidates([]));
  }

  async function merge(mergeId: string, reason: string) {
    await review.mergePerson(id, mergeId, reason);
    setMerging(false);
    setNotice(t('review.merge.notice'));
    reload();
    reloadReports();
  }

  async function correct(request: PersonCorrectionRequest) {
    await review.correctPerson(id, request);
    setCorrecting(false);
    setNotice(t('correction.notice'));
    reload();
  }

  return (
    <ReviewLayout
      user={user}
      current={null}
      title={title}
      back={{ href: '/listings', label: t('review.personPage.back') }}
      meta={
        person?.dateOfBirth
          ? t('review.person.born', { date: formatPartialDate(person.dateOfBirth, i18n.language) })
          : null
      }
    >
      {notice ? <Alert variant="success" title={notice} role="status" /> : null}
      <ResourceState resource={resource} reload={reload} />
      {person ? (
        <>
          {person.mergedIntoId ? (
            <Alert variant="info" title={t('review.personPage.merged')} role="status">
              <p className="kern-body">
                <AppLink className="kern-link" href={`/persons/${person.mergedIntoId}`}>
                  {t('review.personPage.mergedLink')}
                </AppLink>
              </p>
            </Alert>
          ) : null}
          <section className="zm-panel kern-stack-md" aria-labelledby="person-data-title">
            <h2 className="kern-heading-medium" id="person-data-title">
              {t('review.personPage.dataTitle')}
            </h2>
            <p className="kern-body">
              <AppLink className="kern-link" href={`/subject-requests?personId=${person.id}`}>
                {t('review.personPage.recordRequest')}
              </AppLink>
            </p>
            <dl className="kern-description-list">
              <div className="kern-description-list-item">
                <dt className="kern-description-list-item__key">
                  {t('review.person.fields.familyName')}
                </dt>
                <dd className="kern-description-list-item__value">{person.familyName}</dd>
              </div>
              <div className="kern-description-list-item">
                <dt className="kern-description-list-item__key">
                  {t('review.person.fields.givenNames')}
                </dt>
                <dd className="kern-description-list-item__value">{person.givenNames ?? '–'}</dd>
              </div>
              <div className="kern-description-list-item">
                <dt className="kern-description-list-item__key">
                  {t('review.person.fields.dateOfBirth')}
                </dt>
                <dd className="kern-description-list-item__value">
                  {person.dateOfBirth
                    ? formatPartialDate(person.dateOfBirth, i18n.language)
                    : t('review.facts.unknown')}
                </dd>
              </div>
              <div className="kern-description-list-item">
                <dt className="kern-description-list-item__key">{t('review.personPage.names')}</dt>
                <dd className="kern-description-list-item__value">
                  {person.names.length === 0 ? (
                    '–'
                  ) : (
                    <ul className="kern-list">
                      {person.names.map((n, i) => (
                        <li key={i}>
                          {personName(n)} ({t(`review.personPage.nameKind.${n.kind}`)})
                        </li>
                      ))}
                    </ul>
                  )}
                </dd>
              </div>
              <div className="kern-description-list-item">
                <dt className="kern-description-list-item__key">
                  {t('review.personPage.addresses')}
                </dt>
                <dd className="kern-description-list-item__value">
                  {person.addresses.length === 0 ? (
                    '–'
                  ) : (
                    <ul className="kern-list">
                      {person.addresses.map((a, i) => (
                        <li key={i}>
                          {addressLine(a)}
                          {a.validFrom || a.validTo ? (
                            <span className="zm-cell-note">
                              {t('review.personPage.validity', {
                                from: a.validFrom ? formatDate(a.validFrom, i18n.language) : '…',
                                to: a.validTo ? formatDate(a.validTo, i18n.language) : '…',
                              })}
                            </span>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  )}
                </dd>
              </div>
              <div className="kern-description-list-item">
                <dt className="kern-description-list-item__key">
                  {t('review.person.fields.notes')}
                </dt>
                <dd className="kern-description-list-item__value zm-pre">{person.notes ?? '–'}</dd>
              </div>
            </dl>
            {!person.mergedIntoId && !correcting ? (
              <div className="zm-actions">
                <Button
                  variant="secondary"
                  icon="edit"
                  label={t('correction.open')}
                  onClick={() => setCorrecting(true)}
                />
                <Button variant="secondary" label={t('review.merge.open')} onClick={openMerge} />
              </div>
            ) : null}
          </section>
          {correcting ? (
            <section className="zm-panel kern-stack-md" aria-labelledby="correct-title">
              <h2 className="kern-heading-medium" id="correct-title">
                {t('correction.title')}
              </h2>
              <p className="kern-body">{t('correction.intro')}</p>
              <PersonCorrectionForm
                key={person.updatedAt}
                person={person}
                onCorrect={correct}
                onCancel={() => setCorrecting(false)}
              />
            </section>
          ) : null}
          <CorrectionHistory corrections={person.corrections ?? []} idPrefix="person-" />
          <PersonReports resource={reports} reload={reloadReports} />
          {open.length > 0 ? (
            <section className="zm-panel kern-stack-md" aria-labelledby="person-listings-title">
              <h2 className="kern-heading-medium" id="person-listings-title">
                {t('review.personPage.listingsTitle')}
              </h2>
              <ul className="kern-list">
                {open.map((listing) => (
                  <li key={listing.id} className="kern-body">
                    <AppLink className="kern-link" href={`/listings/${listing.id}`}>
                      {t('review.personPage.listingLink', {
                        until: formatDate(listing.validUntil, i18n.language),
                      })}
                    </AppLink>{' '}
                    <ListingStatusBadge status={listing.status} />
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {!person.mergedIntoId ? (
            <section className="zm-panel kern-stack-md" aria-labelledby="propose-title">
              <h2 className="kern-heading-medium" id="propose-title">
                {t('review.proposal.title')}
              </h2>
              {reports.data && grounds.length === 0 ? (
                <p className="kern-body">{t('review.proposal.noGrounds')}</p>
              ) : null}
              {grounds.length > 0 && !proposing ? (
                <>
                  <p className="kern-body">{t('review.proposal.intro')}</p>
                  <div className="zm-actions">
                    <Button
                      icon="add"
                      label={t('review.proposal.open')}
                      onClick={() => setProposing(true)}
                    />
                  </div>
                </>
              ) : null}
              {grounds.length > 0 && proposing ? (
                <ListingProposalForm
                  personId={person.id}
                  grounds={grounds}
                  onProposed={proposed}
                  onCancel={() => setProposing(false)}
                />
              ) : null}
            </section>
          ) : null}
          <MergeDialog
            open={merging}
            person={person}
            candidates={candidates ?? []}
            loading={candidates === null}
            onCancel={() => setMerging(false)}
            onMerge={merge}
          />
        </>
      ) : null}
    </ReviewLayout>
  );
}
