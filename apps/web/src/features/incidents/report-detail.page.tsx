import type { Incident } from '@zemag/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/app-link';
import { usePage } from '../../app/use-page';
import { problemMessage } from '../../api/problem-message';
import { useTranslator } from '../../i18n/use-translator';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Loading } from '../../ui/loading';
import { TextareaField } from '../../ui/textarea-field';
import { formatDateTime } from '../../ui/format';
import { asApiError, useResource } from '../../ui/use-resource';
import { StatusBadge } from './report-badges';
import { ReportForm } from './report-form';
import { draftFrom } from './report-form.model';
import { ReportView } from './report-view';
import { useReportsApi } from './incidents.api';
import { refusal } from './submit-report';
import './reports.css';

/** One of the reporter's reports: content, the registrar's messages, and what they can do. */
export function ReportDetailPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const translator = useTranslator();
  const reports = useReportsApi();
  const [resource, reload] = useResource(() => reports.incident(id), id);
  const incident: Incident | undefined = resource.data;
  const heading = usePage(
    incident
      ? t('reports.detail.title', { reference: incident.reference })
      : t('reports.mine.title'),
  );
  // Null until the reporter chose: an incomplete one-tap report opens straight in the form,
  // since completing it is why one comes here.
  const [editChoice, setEditing] = useState<boolean | null>(null);
  const [answer, setAnswer] = useState('');
  const [answerError, setAnswerError] = useState<string | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    if (notice) heading.current?.focus();
  }, [notice, heading]);

  if (!incident) {
    return resource.status === 'error' ? (
      <div className="zm-narrow kern-stack-lg">
        <h1 className="kern-heading-large" tabIndex={-1} ref={heading}>
          {t('reports.mine.title')}
        </h1>
        <Alert variant="danger" title={problemMessage(resource.error, translator)} role="alert" />
        <AppLink href="/reports" className="kern-link">
          {t('reports.detail.back')}
        </AppLink>
      </div>
    ) : (
      <Loading />
    );
  }

  const canAnswer = incident.actions.includes('answer');
  const editing = editChoice ?? (incident.incomplete && incident.actions.includes('amend'));
  const canAmend = incident.actions.includes('amend') || canAnswer;
  const openQuestion = canAnswer
    ? [...incident.messages].reverse().find((m) => m.kind === 'question')
    : undefined;

  return (
    <div className="zm-narrow zm-report-page kern-stack-lg">
      <div className="kern-stack-xs">
        <p className="kern-body">
          <AppLink href="/reports" className="kern-link">
            <span className="kern-icon kern-icon--arrow-back" aria-hidden="true" />
            {t('reports.detail.back')}
          </AppLink>
        </p>
        <h1 className="kern-heading-large" tabIndex={-1} ref={heading}>
          {t('reports.detail.title', { reference: incident.reference })}
        </h1>
        <div className="zm-actions">
          <StatusBadge status={incident.status} />
          <span className="kern-body kern-body--small kern-body--muted">
            {t('reports.detail.submitted', {
              date: formatDateTime(incident.submittedAt, i18n.language),
            })}
          </span>
        </div>
      </div>
      {notice ? <Alert variant="success" title={notice} role="status" /> : null}
      {incident.incomplete && canAmend ? (
        <Alert variant="warning" title={t('reports.detail.incompleteTitle')}>
          <p className="kern-body">{t('reports.detail.incompleteText')}</p>
        </Alert>
      ) : null}
      {openQuestion && !editing ? (
        <Alert variant="warning" title={t('reports.detail.questionTitle')} role="status">
          <p className="kern-body zm-pre">{openQuestion.body}</p>
        </Alert>
      ) : null}
      {canAmend && !editing ? (
        <div className="zm-actions">
          <Button
            block
            className="zm-touch"
            icon="edit"
            label={canAnswer ? t('reports.detail.answer') : t('reports.detail.complete')}
            onClick={() => {
              setEditing(true);
              setNotice(null);
            }}
          />
        </div>
      ) : null}
      {editing ? (
        <section className="kern-stack-md" aria-labelledby="amend-title">
          <h2 className="kern-heading-medium" id="amend-title">
            {canAnswer ? t('reports.detail.answer') : t('reports.detail.complete')}
          </h2>
          {openQuestion ? (
            <Alert variant="warning" title={t('reports.detail.questionTitle')}>
              <p className="kern-body zm-pre">{openQuestion.body}</p>
            </Alert>
          ) : null}
          <ReportForm
            initial={draftFrom(incident)}
            detailsOpen
            submitLabel={t('reports.detail.save')}
            busyLabel={t('reports.detail.saving')}
            before={
              canAnswer ? (
                <TextareaField
                  id="report-answer"
                  label={t('reports.detail.answerLabel')}
                  hint={t('reports.detail.answerHint')}
                  rows={4}
                  maxLength={2000}
                  value={answer}
                  onValueChange={setAnswer}
                  error={answerError}
                />
              ) : null
            }
            secondary={
              <Button
                variant="secondary"
                label={t('reports.detail.cancel')}
                onClick={() => setEditing(false)}
              />
            }
            onSubmit={async (report) => {
              setAnswerError(undefined);
              if (canAnswer && answer.trim() === '') {
                setAnswerError(t('reports.detail.answerRequired'));
                requestAnimationFrame(() => document.getElementById('report-answer')?.focus());
                return { problems: [], message: t('reports.detail.answerRequired') };
              }
              try {
                await reports.amend(incident.id, { report, answer: answer.trim() });
              } catch (error) {
                const apiError = asApiError(error);
                const answerProblem = apiError.fieldErrors.find((e) => e.field === 'answer');
                if (answerProblem) setAnswerError(t('reports.detail.answerRequired'));
                return refusal(apiError.code, apiError.fieldErrors, translator);
              }
              setEditing(false);
              setAnswer('');
              setNotice(canAnswer ? t('reports.detail.answered') : t('reports.detail.completed'));
              reload();
              return null;
            }}
          />
        </section>
      ) : (
        <ReportView report={incident} />
      )}
      {incident.messages.length > 0 ? (
        <section className="kern-stack-sm" aria-labelledby="messages-title">
          <h2 className="kern-heading-medium" id="messages-title">
            {t('reports.detail.messages')}
          </h2>
          <ol className="zm-messages">
            {incident.messages.map((message) => (
              <li key={message.id} className={`zm-message zm-message--${message.kind}`}>
                <p className="kern-body kern-body--small kern-body--muted">
                  {t(`reports.detail.messageKind.${message.kind}`)} · {message.author.displayName} ·{' '}
                  {formatDateTime(message.createdAt, i18n.language)}
                </p>
                <p className="kern-body zm-pre">{message.body}</p>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
