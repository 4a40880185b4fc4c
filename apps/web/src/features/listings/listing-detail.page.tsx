import type { CurrentUser, Listing } from '@zemag/contracts';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/app-link';
import { problemWithServerDetails } from '../../api/problem-message';
import { useTranslator } from '../../i18n/use-translator';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { takeFlash } from '../../ui/flash';
import { formatDate, formatDateTime, formatPartialDate } from '../../ui/format';
import { ResourceState } from '../../ui/resource-state';
import { asApiError, useResource } from '../../ui/use-resource';
import { ListingHistory } from './listing-history';
import { ListingLifeActions } from './listing-life';
import { NotificationRecordForm } from './notification.form';
import { LevelBadge, ListingStatusBadge, useCategoryNames } from '../review/review-badges';
import { ReviewLayout } from '../review/review-layout';
import { fetchLetter, useReviewApi } from '../review/review.api';
import { personName } from '../review/review.model';
import { TextDialog } from '../review/text-dialog';
import { saveFile } from '../../ui/save-file';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="kern-description-list-item">
      <dt className="kern-description-list-item__key">{label}</dt>
      <dd className="kern-description-list-item__value">{children}</dd>
    </div>
  );
}

/**
 * One listing: what it says, its grounds and history; activation by a second registrar,
 * the notification letter and its record — each offered only when the server lists it.
 */
export function ListingDetailPage({ user, id }: { user: CurrentUser; id: string }) {
  const { t, i18n } = useTranslation();
  const translator = useTranslator();
  const review = useReviewApi();
  const categoryNames = useCategoryNames();
  const [resource, reload] = useResource(() => review.listing(id), id);
  const [notice, setNotice] = useState<string | null>(() => takeFlash());
  const [actionError, setActionError] = useState<string | null>(null);
  const [activating, setActivating] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const listing: Listing | undefined = resource.data;
  const language = i18n.language.startsWith('en') ? 'en' : 'de';
  const can = (action: Listing['actions'][number]) => listing?.actions.includes(action) ?? false;

  function done(message: string) {
    setNotice(message);
    setActionError(null);
    setActivating(false);
    reload();
  }

  async function activate(reason: string) {
    if (!listing) return;
    await review.activate(id, reason === '' ? null : reason);
    done(t('review.listing.activatedNotice', { name: personName(listing.person) }));
  }

  async function download() {
    if (downloading) return;
    setDownloading(true);
    setActionError(null);
    try {
      const { blob, fileName } = await fetchLetter(id);
      saveFile(blob, fileName);
    } catch (error) {
      // A refused letter names each field and the characters it cannot print.
      setActionError(problemWithServerDetails(asApiError(error), translator));
    } finally {
      setDownloading(false);
    }
  }

  const title = listing
    ? t('review.listing.title', { name: personName(listing.person) })
    : t('review.listing.loadingTitle');
  const ownProposal = listing?.status === 'proposed' && listing.proposedBy.id === user.id;
  return (
    <ReviewLayout
      user={user}
      current="listings"
      title={title}
      back={{ href: '/listings', label: t('review.listing.back') }}
      meta={
        listing ? (
          <>
            <ListingStatusBadge status={listing.status} />
            <LevelBadge level={listing.level} />
          </>
        ) : null
      }
    >
      {notice ? <Alert variant="success" title={notice} role="status" /> : null}
      {actionError ? (
        <Alert variant="danger" title={t('admin.common.failed')} role="alert">
          <p className="kern-body">{actionError}</p>
        </Alert>
      ) : null}
      <ResourceState resource={resource} reload={reload} />
      {listing ? (
        <>
          {can('activate') ? (
            <section className="zm-panel kern-stack-md" aria-labelledby="activate-title">
              <h2 className="kern-heading-medium" id="activate-title">
                {t('review.listing.activateTitle')}
              </h2>
              <p className="kern-body">
                {t('review.listing.activateIntro', { name: listing.proposedBy.displayName })}
              </p>
              <div className="zm-actions">
                <Button
                  icon="check"
                  label={t('review.listing.activate')}
                  onClick={() => setActivating(true)}
                />
              </div>
            </section>
          ) : null}
          {ownProposal ? (
            <Alert variant="info" title={t('review.listing.fourEyesTitle')} role="status">
              <p className="kern-body">{t('review.listing.fourEyes')}</p>
            </Alert>
          ) : null}
          <ListingLifeActions listing={listing} onDone={done} />
          <section className="zm-panel kern-stack-md" aria-labelledby="listing-data-title">
            <h2 className="kern-heading-medium" id="listing-data-title">
              {t('review.listing.dataTitle')}
            </h2>
            <dl className="kern-description-list" data-testid="listing-data">
              <Row label={t('review.listing.person')}>
                <AppLink className="kern-link" href={`/persons/${listing.person.id}`}>
                  {personName(listing.person)}
                </AppLink>
                {listing.person.dateOfBirth
                  ? ` · ${t('review.person.born', { date: formatPartialDate(listing.person.dateOfBirth, i18n.language) })}`
                  : ''}
              </Row>
              <Row label={t('review.fields.status')}>
                {t(`review.listingStatus.${listing.status}`)}
                {listing.restricted ? ` · ${t('review.listing.restricted')}` : ''}
              </Row>
              <Row label={t('review.fields.level')}>
                <LevelBadge level={listing.level} />
              </Row>
              <Row label={t('review.fields.categories')}>{categoryNames(listing.categories)}</Row>
              <Row label={t('review.listing.precautions')}>
                {listing.precautions.length === 0 && !listing.precautionsText ? (
                  '–'
                ) : (
                  <ul className="kern-list" data-testid="precautions">
                    {listing.precautions.map((p) => (
                      <li key={p.code}>{p[language]}</li>
                    ))}
                    {listing.precautionsText ? (
                      <li className="zm-pre">{listing.precautionsText}</li>
                    ) : null}
                  </ul>
                )}
              </Row>
              <Row label={t('review.listing.validUntil')}>
                {formatDate(listing.validUntil, i18n.language)}
              </Row>
              <Row label={t('review.listing.grounds')}>
                <ul className="kern-list">
                  {listing.incidents.map((incident) => (
                    <li key={incident.id}>
                      <AppLink className="kern-link" href={`/review/${incident.id}`}>
                        {incident.reference}
                      </AppLink>{' '}
                      – {formatDateTime(incident.occurredAt, i18n.language)},{' '}
                      {t('review.level.short', { level: incident.level })},{' '}
                      {categoryNames(incident.categories)}
                    </li>
                  ))}
                </ul>
              </Row>
              <Row label={t('review.listing.proposed')}>
                {t('review.listing.byAt', {
                  name: listing.proposedBy.displayName,
                  when: formatDateTime(listing.proposedAt, i18n.language),
                })}
              </Row>
              <Row label={t('review.listing.activated')}>
                {listing.activatedBy && listing.activatedAt
                  ? t('review.listing.byAt', {
                      name: listing.activatedBy.displayName,
                      when: formatDateTime(listing.activatedAt, i18n.language),
                    })
                  : t('review.listing.notActivated')}
              </Row>
              <Row label={t('review.listing.notification')}>
                {t(`review.notification.state.${listing.notification.state}`)}
                {listing.notification.sentOn
                  ? ` – ${formatDate(listing.notification.sentOn, i18n.language)}`
                  : ''}
                {listing.notification.state === 'held_back' && listing.notification.reviewOn ? (
                  <span className="zm-cell-note zm-pre">
                    {t('review.notification.heldBackLine', {
                      reason: listing.notification.holdReason ?? '',
                      date: formatDate(listing.notification.reviewOn, i18n.language),
                    })}
                  </span>
                ) : null}
              </Row>
            </dl>
          </section>
          {can('letter') || can('record_notification') ? (
            <section className="zm-panel kern-stack-md" aria-labelledby="letter-title">
              <h2 className="kern-heading-medium" id="letter-title">
                {t('review.notification.title')}
              </h2>
              <p className="kern-body">{t('review.notification.intro')}</p>
              {can('letter') ? (
                <div className="zm-actions">
                  <Button
                    variant="secondary"
                    icon="download"
                    label={
                      downloading ? t('admin.common.working') : t('review.notification.letter')
                    }
                    aria-disabled={downloading || undefined}
                    onClick={() => void download()}
                  />
                </div>
              ) : null}
              {can('record_notification') ? (
                <NotificationRecordForm
                  listingId={listing.id}
                  onRecorded={() => done(t('review.notification.recordedNotice'))}
                />
              ) : null}
            </section>
          ) : null}
          <section className="zm-panel kern-stack-md" aria-labelledby="history-title">
            <h2 className="kern-heading-medium" id="history-title">
              {t('review.history.title')}
            </h2>
            <ListingHistory listing={listing} />
          </section>
        </>
      ) : null}
      <TextDialog
        open={activating}
        title={t('review.listing.activateTitle')}
        description={t('review.listing.activateText', {
          name: listing ? personName(listing.person) : '',
        })}
        label={t('review.listing.activateReason')}
        hint={t('review.listing.activateReasonHint')}
        min={0}
        confirmLabel={t('review.listing.activate')}
        onCancel={() => setActivating(false)}
        onConfirm={activate}
      />
    </ReviewLayout>
  );
}
