import type { CurrentUser, Incident, ReviewDecision } from '@zemag/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../api/problem-message';
import { useTranslator } from '../../i18n/use-translator';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { ResourceState } from '../../ui/resource-state';
import { asApiError, useResource } from '../../ui/use-resource';
import {
  type Classification,
  ConfirmClassification,
  classificationProblems,
  emptyClassification,
} from './confirm-classification';
import { IncidentCorrection } from './correction-incident';
import { ProposeNext } from './propose-next';
import { IncidentFacts } from './incident-facts';
import { InvolvedPersonCard } from './involved-person';
import { MessageThread } from './message-thread';
import { IncidentStatusBadge, IncompleteBadge, LevelBadge, QuickBadge } from './review-badges';
import { ReviewLayout } from './review-layout';
import { useReviewApi } from './review.api';
import { TextDialog } from './text-dialog';

type Decision = ReviewDecision['decision'];

/**
 * One report for review: everything reported, the messages, the decisions the server offers
 * (`actions`), and the persons to link to records.
 */
export function IncidentReviewPage({ user, id }: { user: CurrentUser; id: string }) {
  const { t } = useTranslation();
  const translator = useTranslator();
  const review = useReviewApi();
  const [resource, reload] = useResource(() => review.incident(id), id);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Decision | null>(null);
  const [busy, setBusy] = useState(false);
  const [classification, setClassification] = useState<Classification>(emptyClassification);
  const [classifyErrors, setClassifyErrors] = useState<{ level?: true; categories?: true }>({});
  // Just confirmed here: the next step (proposing the listing) is pointed to.
  const [confirmedNow, setConfirmedNow] = useState(false);
  const incident: Incident | undefined = resource.data;
  // The report as it was when a decision went through: its actions are out of date until the
  // reloaded report arrives (a second click would only meet a refusal).
  const [actedOn, setActedOn] = useState<Incident | undefined>(undefined);
  const can = (action: Incident['actions'][number]) =>
    incident !== actedOn && (incident?.actions.includes(action) ?? false);

  function done(message: string) {
    setActedOn(incident);
    setNotice(message);
    setActionError(null);
    setDialog(null);
    reload();
  }

  async function startReview() {
    if (busy) return;
    setBusy(true);
    setNotice(null);
    setActionError(null);
    try {
      await review.startReview(id);
      done(t('review.detail.startedNotice'));
    } catch (error) {
      setActionError(problemMessage(asApiError(error), translator));
    } finally {
      setBusy(false);
    }
  }

  async function decide(text: string) {
    if (!dialog || !incident) return;
    const decision: ReviewDecision =
      dialog === 'confirm'
        ? {
            decision: 'confirm',
            note: text,
            ...(incident.incomplete
              ? {
                  level: Number(classification.level) as 0 | 1 | 2 | 3,
                  categories: classification.categories,
                }
              : {}),
          }
        : dialog === 'reject'
          ? { decision: 'reject', reason: text }
          : { decision: 'ask', question: text };
    await review.decide(id, decision);
    setConfirmedNow(dialog === 'confirm');
    done(t(`review.decision.${dialog}.notice`, { reference: incident.reference }));
  }

  /** An incomplete report is confirmed only with a level and a category chosen here. */
  function openConfirm() {
    if (incident?.incomplete) {
      const problems = classificationProblems(classification);
      setClassifyErrors(problems);
      if (problems.level || problems.categories) {
        document.getElementById(problems.level ? 'confirm-level' : 'confirm-categories')?.focus();
        return;
      }
    }
    setDialog('confirm');
  }

  const title = incident
    ? t('review.detail.title', { reference: incident.reference })
    : t('review.detail.loadingTitle');
  return (
    <ReviewLayout
      user={user}
      current="queue"
      title={title}
      back={{ href: '/review', label: t('review.detail.back') }}
      meta={
        incident ? (
          <>
            <IncidentStatusBadge status={incident.status} />
            <LevelBadge level={incident.level} />
            {incident.incomplete ? <IncompleteBadge /> : null}
            {incident.quick && !incident.incomplete ? <QuickBadge /> : null}
          </>
        ) : null
      }
    >
      {notice ? <Alert variant="success" title={notice} role="status" /> : null}
      {confirmedNow && incident && user.abilities.includes('listing.manage') ? (
        <ProposeNext incident={incident} />
      ) : null}
      {actionError ? (
        <Alert variant="danger" title={t('admin.common.failed')} role="alert">
          <p className="kern-body">{actionError}</p>
        </Alert>
      ) : null}
      <ResourceState resource={resource} reload={reload} />
      {incident ? (
        <>
          {can('start_review') || can('confirm') || can('reject') || can('ask') ? (
            <section className="zm-panel kern-stack-md" aria-labelledby="decide-title">
              <h2 className="kern-heading-medium" id="decide-title">
                {t('review.detail.decideTitle')}
              </h2>
              {incident.incomplete ? (
                <p className="kern-body">{t('review.detail.incompleteHint')}</p>
              ) : incident.quick ? (
                <p className="kern-body">{t('review.detail.quickHint')}</p>
              ) : null}
              {incident.incomplete && can('confirm') ? (
                <ConfirmClassification
                  value={classification}
                  errors={classifyErrors}
                  onChange={(next) => {
                    setClassification(next);
                    setClassifyErrors({});
                  }}
                />
              ) : null}
              <div className="zm-actions">
                {can('start_review') ? (
                  <Button
                    icon="checklist"
                    label={busy ? t('admin.common.working') : t('review.detail.startReview')}
                    aria-disabled={busy || undefined}
                    onClick={() => void startReview()}
                  />
                ) : null}
                {can('confirm') ? (
                  <Button
                    variant={can('start_review') ? 'secondary' : 'primary'}
                    icon="check"
                    label={t('review.decision.confirm.button')}
                    onClick={openConfirm}
                  />
                ) : null}
                {can('reject') ? (
                  <Button
                    variant="secondary"
                    icon="close"
                    label={t('review.decision.reject.button')}
                    onClick={() => setDialog('reject')}
                  />
                ) : null}
                {can('ask') ? (
                  <Button
                    variant="secondary"
                    icon="question-mark"
                    label={t('review.decision.ask.button')}
                    onClick={() => setDialog('ask')}
                  />
                ) : null}
              </div>
            </section>
          ) : null}
          {incident.reporter.id === user.id ? (
            <Alert variant="info" title={t('errors.incident.own_report')} role="status" />
          ) : null}
          <section className="zm-panel kern-stack-md" aria-labelledby="facts-title">
            <h2 className="kern-heading-medium" id="facts-title">
              {t('review.detail.factsTitle')}
            </h2>
            <IncidentFacts incident={incident} />
          </section>
          <IncidentCorrection
            key={incident.version}
            incident={incident}
            canCorrect={
              incident.reporter.id !== user.id && user.abilities.includes('listing.manage')
            }
            onCorrect={async (request) => {
              await review.correctIncident(id, request);
              done(t('correction.notice'));
            }}
          />
          <section className="zm-panel kern-stack-md" aria-labelledby="persons-title">
            <h2 className="kern-heading-medium" id="persons-title">
              {t('review.detail.personsTitle')}
            </h2>
            {incident.persons.length === 0 ? (
              <p className="kern-body zm-empty">{t('review.detail.noPersons')}</p>
            ) : (
              <>
                {can('link_persons') ? (
                  <p className="kern-body">{t('review.detail.personsIntro')}</p>
                ) : null}
                {incident.persons.map((person, index) => (
                  <InvolvedPersonCard
                    key={person.id}
                    incidentId={incident.id}
                    person={person}
                    index={index}
                    canLink={can('link_persons')}
                    abilities={user.abilities}
                    onLinked={done}
                  />
                ))}
              </>
            )}
          </section>
          <section className="zm-panel kern-stack-md" aria-labelledby="messages-title">
            <h2 className="kern-heading-medium" id="messages-title">
              {t('review.messages.title')}
            </h2>
            <MessageThread messages={incident.messages} />
          </section>
        </>
      ) : null}
      <TextDialog
        key={dialog ?? 'none'}
        open={dialog !== null}
        title={dialog ? t(`review.decision.${dialog}.title`) : ''}
        description={
          dialog && incident
            ? t(`review.decision.${dialog}.text`, { reference: incident.reference })
            : ''
        }
        label={dialog ? t(`review.decision.${dialog}.label`) : ''}
        hint={dialog ? t(`review.decision.${dialog}.hint`) : ''}
        min={dialog === 'confirm' ? 0 : 3}
        confirmLabel={dialog ? t(`review.decision.${dialog}.button`) : ''}
        onCancel={() => setDialog(null)}
        onConfirm={decide}
      />
    </ReviewLayout>
  );
}
