import type { CurrentUser } from '@zemag/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/app-link';
import { problemMessage } from '../../api/problem-message';
import { useTranslator } from '../../i18n/use-translator';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { SelectField } from '../../ui/select-field';
import { DateField } from '../../ui/date-field';
import { TextareaField } from '../../ui/textarea-field';
import { FailureAlert } from '../../ui/failure-alert';
import { formatDate, localToday } from '../../ui/format';
import { ResourceState } from '../../ui/resource-state';
import { asApiError, useResource } from '../../ui/use-resource';
import { ReviewLayout } from '../review/review-layout';
import { DeadlineBadge } from './subject-requests.page';
import { Row, saveFile, useStepForm } from './subject-request.parts';
import {
  DECISIONS,
  type SubjectRequest,
  fetchAccess,
  useSubjectRequestsApi,
} from './subject-requests.api';

/** One request: deadline, extension, answer, the access downloads and the erasure steps. */
export function SubjectRequestPage({ user, id }: { user: CurrentUser; id: string }) {
  const { t, i18n } = useTranslation();
  const translator = useTranslator();
  const api = useSubjectRequestsApi();
  const [resource, reload] = useResource(() => api.get(id), `subject-request-${id}`);
  const [current, setCurrent] = useState<SubjectRequest | null>(null);
  const request = current ?? resource.data ?? null;
  const [actionError, setActionError] = useState<string | null>(null);
  const [extension, setExtension] = useState({ extendedDueOn: '', reason: '' });
  const [answer, setAnswer] = useState({
    decision: 'granted',
    reason: '',
    answeredOn: localToday(),
  });
  const extend = useStepForm(['extendedDueOn', 'reason'] as const, 'sr-ext-');
  const answering = useStepForm(['decision', 'reason', 'answeredOn'] as const, 'sr-ans-');
  const date = (d: string | null) => (d ? formatDate(d, i18n.language) : '–');

  async function act(action: () => Promise<SubjectRequest>) {
    setActionError(null);
    try {
      setCurrent(await action());
    } catch (error) {
      setActionError(problemMessage(asApiError(error), translator));
    }
  }
  async function download(format: 'json' | 'pdf') {
    setActionError(null);
    try {
      const { blob, fileName } = await fetchAccess(id, format);
      saveFile(blob, fileName);
    } catch (error) {
      const e = asApiError(error);
      const details = e.fieldErrors.map((f) => f.message[i18n.language === 'en' ? 'en' : 'de']);
      setActionError([problemMessage(e, translator), ...details].join(' '));
    }
  }

  const title = request
    ? t('subjectRequests.detailTitle', { reference: request.reference })
    : t('subjectRequests.title');
  return (
    <ReviewLayout
      user={user}
      current={null}
      title={title}
      back={{ href: '/subject-requests', label: t('subjectRequests.back') }}
      meta={request ? <DeadlineBadge request={request} /> : null}
    >
      <ResourceState resource={resource} reload={reload} />
      {actionError ? <Alert variant="danger" title={actionError} role="alert" /> : null}
      {request ? (
        <>
          <section className="zm-panel kern-stack-md" aria-labelledby="sr-facts">
            <h2 className="kern-heading-medium" id="sr-facts">
              {t('subjectRequests.facts')}
            </h2>
            <dl className="kern-description-list">
              <Row label={t('subjectRequests.fields.kind')}>
                {t(`subjectRequests.kind.${request.kind}`)}
              </Row>
              <Row label={t('subjectRequests.fields.person')}>
                {request.person && request.personId ? (
                  <AppLink className="kern-link" href={`/persons/${request.personId}`}>
                    {`${request.person.givenNames ?? ''} ${request.person.familyName}`.trim()}
                  </AppLink>
                ) : (
                  t('subjectRequests.erased')
                )}
              </Row>
              <Row label={t('subjectRequests.fields.receivedOn')}>{date(request.receivedOn)}</Row>
              <Row label={t('subjectRequests.fields.identityCheck')}>{request.identityCheck}</Row>
              <Row label={t('subjectRequests.fields.dueOn')}>
                {date(request.effectiveDueOn)}
                {request.extendedDueOn
                  ? ` (${t('subjectRequests.extendedFrom', { date: date(request.dueOn) })}: ${request.extensionReason ?? ''})`
                  : ''}
              </Row>
              {request.decideBy ? (
                <Row label={t('subjectRequests.decideBy')}>
                  {date(request.decideBy)}
                  {request.listing ? (
                    <>
                      {' · '}
                      <AppLink className="kern-link" href={`/listings/${request.listing.id}`}>
                        {t('subjectRequests.toListing')}
                      </AppLink>
                    </>
                  ) : null}
                </Row>
              ) : null}
              {request.status === 'answered' ? (
                <Row label={t('subjectRequests.fields.decision')}>
                  {t(`subjectRequests.decision.${request.decision ?? 'granted'}`)},{' '}
                  {date(request.answeredOn)}: {request.decisionReason}
                </Row>
              ) : null}
            </dl>
          </section>
          {request.kind === 'access' && request.personId ? (
            <section className="zm-panel kern-stack-md" aria-labelledby="sr-access">
              <h2 className="kern-heading-medium" id="sr-access">
                {t('subjectRequests.access.title')}
              </h2>
              <p className="kern-body">{t('subjectRequests.access.hint')}</p>
              <div className="zm-actions">
                <Button
                  label={t('subjectRequests.access.pdf')}
                  onClick={() => void download('pdf')}
                />
                <Button
                  variant="secondary"
                  label={t('subjectRequests.access.json')}
                  onClick={() => void download('json')}
                />
              </div>
            </section>
          ) : null}
          {request.kind === 'erasure' && request.status === 'open' ? (
            <section className="zm-panel kern-stack-md" aria-labelledby="sr-erasure">
              <h2 className="kern-heading-medium" id="sr-erasure">
                {t('subjectRequests.erasure.title')}
              </h2>
              <p className="kern-body">
                {request.erasureProposed
                  ? t('subjectRequests.erasure.proposed')
                  : t('subjectRequests.erasure.hint')}
              </p>
              <div className="zm-actions">
                {request.erasureProposed ? (
                  <Button
                    label={t('subjectRequests.erasure.confirm')}
                    onClick={() => void act(() => api.confirmErasure(id))}
                  />
                ) : (
                  <Button
                    label={t('subjectRequests.erasure.propose')}
                    onClick={() => void act(() => api.proposeErasure(id))}
                  />
                )}
              </div>
            </section>
          ) : null}
          {request.status === 'open' && !request.extendedDueOn ? (
            <section className="zm-panel kern-stack-md" aria-labelledby="sr-extend">
              <h2 className="kern-heading-medium" id="sr-extend">
                {t('subjectRequests.extend.title')}
              </h2>
              <form
                className="kern-stack-md"
                noValidate
                onSubmit={(e) =>
                  void extend.run(e, async () => setCurrent(await api.extend(id, extension)))
                }
              >
                <FailureAlert failure={extend.failure} />
                <DateField
                  id="sr-ext-extendedDueOn"
                  label={t('subjectRequests.extend.date')}
                  hint={t('subjectRequests.extend.dateHint')}
                  value={extension.extendedDueOn}
                  onValueChange={(extendedDueOn) => setExtension((f) => ({ ...f, extendedDueOn }))}
                  error={extend.failure?.byField.extendedDueOn}
                />
                <TextareaField
                  id="sr-ext-reason"
                  label={t('subjectRequests.extend.reason')}
                  maxLength={2000}
                  value={extension.reason}
                  onValueChange={(reason) => setExtension((f) => ({ ...f, reason }))}
                  error={extend.failure?.byField.reason}
                />
                <div className="zm-actions">
                  <Button
                    type="submit"
                    variant="secondary"
                    label={t('subjectRequests.extend.submit')}
                  />
                </div>
              </form>
            </section>
          ) : null}
          {request.status === 'open' ? (
            <section className="zm-panel kern-stack-md" aria-labelledby="sr-answer">
              <h2 className="kern-heading-medium" id="sr-answer">
                {t('subjectRequests.answer.title')}
              </h2>
              <form
                className="kern-stack-md"
                noValidate
                data-testid="subject-request-answer"
                onSubmit={(e) =>
                  void answering.run(e, async () => setCurrent(await api.answer(id, answer)))
                }
              >
                <FailureAlert failure={answering.failure} />
                <SelectField
                  id="sr-ans-decision"
                  label={t('subjectRequests.fields.decision')}
                  options={DECISIONS.map((d) => ({
                    value: d,
                    label: t(`subjectRequests.decision.${d}`),
                  }))}
                  value={answer.decision}
                  onValueChange={(decision) => setAnswer((f) => ({ ...f, decision }))}
                  error={answering.failure?.byField.decision}
                />
                <TextareaField
                  id="sr-ans-reason"
                  label={t('subjectRequests.answer.reason')}
                  maxLength={2000}
                  value={answer.reason}
                  onValueChange={(reason) => setAnswer((f) => ({ ...f, reason }))}
                  error={answering.failure?.byField.reason}
                />
                <DateField
                  id="sr-ans-answeredOn"
                  label={t('subjectRequests.answer.date')}
                  value={answer.answeredOn}
                  onValueChange={(answeredOn) => setAnswer((f) => ({ ...f, answeredOn }))}
                  error={answering.failure?.byField.answeredOn}
                />
                <div className="zm-actions">
                  <Button type="submit" label={t('subjectRequests.answer.submit')} />
                </div>
              </form>
            </section>
          ) : null}
        </>
      ) : null}
    </ReviewLayout>
  );
}
