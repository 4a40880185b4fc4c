import type { CurrentUser } from '@zemag/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/app-link';
import { navigate } from '../../app/router';
import { useTranslator } from '../../i18n/use-translator';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { ColumnHeads } from '../../ui/column-heads';
import { SelectField } from '../../ui/select-field';
import { TextField } from '../../ui/text-field';
import { DateField } from '../../ui/date-field';
import { FailureAlert } from '../../ui/failure-alert';
import { type FormFailure, formFailure } from '../../ui/form-failure';
import { formatDate, localToday } from '../../ui/format';
import { ResourceState } from '../../ui/resource-state';
import { asApiError, useResource } from '../../ui/use-resource';
import { ReviewLayout } from '../review/review-layout';
import { KINDS, type SubjectRequest, useSubjectRequestsApi } from './subject-requests.api';

const FIELDS = ['personId', 'kind', 'receivedOn', 'identityCheck'] as const;
type Field = (typeof FIELDS)[number];
const ID = 'sr-';

/** The deadline as a badge: overdue (red), due within seven days, or the date. */
export function DeadlineBadge({ request }: { request: SubjectRequest }) {
  const { t } = useTranslation();
  if (request.status !== 'open')
    return <Badge variant="success" label={t('subjectRequests.answered')} />;
  if (request.overdue) return <Badge variant="danger" label={t('subjectRequests.overdue')} />;
  if (request.dueSoon) return <Badge variant="warning" label={t('subjectRequests.dueSoon')} />;
  return <Badge variant="info" label={t('subjectRequests.open')} />;
}

/** Open requests (overdue first) and the form to record a new one. */
export function SubjectRequestsPage({ user }: { user: CurrentUser }) {
  const { t, i18n } = useTranslation();
  const translator = useTranslator();
  const api = useSubjectRequestsApi();
  const [resource, reload] = useResource(() => api.list('open'), 'subject-requests');
  const personFromUrl = new URLSearchParams(window.location.search).get('personId') ?? '';
  const [form, setForm] = useState<Record<Field, string>>({
    personId: personFromUrl,
    kind: 'access',
    receivedOn: localToday(),
    identityCheck: '',
  });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<FormFailure<Field> | null>(null);
  const labels: Record<Field, string> = {
    personId: t('subjectRequests.fields.personId'),
    kind: t('subjectRequests.fields.kind'),
    receivedOn: t('subjectRequests.fields.receivedOn'),
    identityCheck: t('subjectRequests.fields.identityCheck'),
  };
  const requests = [...(resource.data ?? [])].sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) || a.effectiveDueOn.localeCompare(b.effectiveDueOn),
  );

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const created = await api.record(form);
      navigate(`/subject-requests/${created.id}`);
    } catch (error) {
      setFailure(formFailure(asApiError(error), FIELDS, translator, { idPrefix: ID, labels }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <ReviewLayout user={user} current={null} title={t('subjectRequests.title')}>
      <p className="kern-body">{t('subjectRequests.intro')}</p>
      <section className="zm-panel kern-stack-md" aria-labelledby="sr-open-title">
        <h2 className="kern-heading-medium" id="sr-open-title">
          {t('subjectRequests.openTitle')}
        </h2>
        <ResourceState resource={resource} reload={reload} />
        {resource.data && requests.length === 0 ? (
          <p className="kern-body zm-empty">{t('subjectRequests.empty')}</p>
        ) : null}
        {requests.length > 0 ? (
          <table
            className="kern-table kern-table--small zm-table zm-table--stack"
            data-testid="subject-requests"
          >
            <caption className="kern-sr-only">{t('subjectRequests.openTitle')}</caption>
            <ColumnHeads
              columns={[
                t('subjectRequests.fields.reference'),
                t('subjectRequests.fields.kind'),
                t('subjectRequests.fields.person'),
                t('subjectRequests.fields.dueOn'),
              ]}
            />
            <tbody className="kern-table__body">
              {requests.map((r) => (
                <tr key={r.id} className="kern-table__row">
                  <th scope="row" className="kern-table__header zm-cell-title">
                    <AppLink className="kern-link" href={`/subject-requests/${r.id}`}>
                      {r.reference}
                    </AppLink>
                  </th>
                  <td className="kern-table__cell" data-label={t('subjectRequests.fields.kind')}>
                    {t(`subjectRequests.kind.${r.kind}`)}
                  </td>
                  <td className="kern-table__cell" data-label={t('subjectRequests.fields.person')}>
                    {r.person
                      ? `${r.person.givenNames ?? ''} ${r.person.familyName}`.trim()
                      : t('subjectRequests.erased')}
                  </td>
                  <td className="kern-table__cell" data-label={t('subjectRequests.fields.dueOn')}>
                    <span>{formatDate(r.effectiveDueOn, i18n.language)} </span>
                    <DeadlineBadge request={r} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
      <section className="zm-panel kern-stack-md" aria-labelledby="sr-record-title">
        <h2 className="kern-heading-medium" id="sr-record-title">
          {t('subjectRequests.recordTitle')}
        </h2>
        <form
          className="kern-stack-md"
          noValidate
          onSubmit={submit}
          data-testid="subject-request-form"
        >
          <FailureAlert failure={failure} />
          <TextField
            id={`${ID}personId`}
            label={labels.personId}
            hint={t('subjectRequests.fields.personIdHint')}
            value={form.personId}
            maxLength={36}
            onValueChange={(personId) => setForm((f) => ({ ...f, personId }))}
            error={failure?.byField.personId}
          />
          <SelectField
            id={`${ID}kind`}
            label={labels.kind}
            options={KINDS.map((k) => ({ value: k, label: t(`subjectRequests.kind.${k}`) }))}
            value={form.kind}
            onValueChange={(kind) => setForm((f) => ({ ...f, kind }))}
            error={failure?.byField.kind}
          />
          <DateField
            id={`${ID}receivedOn`}
            label={labels.receivedOn}
            value={form.receivedOn}
            onValueChange={(receivedOn) => setForm((f) => ({ ...f, receivedOn }))}
            error={failure?.byField.receivedOn}
          />
          <TextField
            id={`${ID}identityCheck`}
            label={labels.identityCheck}
            hint={t('subjectRequests.fields.identityCheckHint')}
            maxLength={2000}
            value={form.identityCheck}
            onValueChange={(identityCheck) => setForm((f) => ({ ...f, identityCheck }))}
            error={failure?.byField.identityCheck}
          />
          <div className="zm-actions">
            <Button
              type="submit"
              label={busy ? t('admin.common.working') : t('subjectRequests.record')}
              aria-disabled={busy || undefined}
            />
          </div>
        </form>
      </section>
    </ReviewLayout>
  );
}
