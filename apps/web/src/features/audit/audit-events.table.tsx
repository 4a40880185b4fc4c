import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';
import { ColumnHeads } from '../../ui/column-heads';
import { formatDateTime } from '../../ui/format';
import {
  actionLabelKey,
  shortId,
  shownPersonIds,
  subjectLabelKey,
  subjectPersonId,
} from './audit-actions';
import type { AuditEventView } from './audit.api';

/** At most this many person buttons per look-up; a visit list can show many more. */
const MAX_PERSON_BUTTONS = 8;

/** Filters the results to what the event leads to: its user, or one of its persons. */
export interface AuditEventFilters {
  byUser(actor: NonNullable<AuditEventView['actor']>): void;
  byPerson(personId: string): void;
}

/**
 * The events, newest first: when, who (with the way to everything this user did), what, about
 * what, why, and whom a look-up showed (each person a way to everything about them). The
 * buttons say which event they belong to, so that a screen reader's list of buttons is clear.
 */
export function AuditEventsTable({
  events,
  filters,
  busy,
}: {
  events: readonly AuditEventView[];
  filters: AuditEventFilters;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const columns = {
    time: t('audit.columns.time'),
    user: t('audit.columns.user'),
    action: t('audit.columns.action'),
    subject: t('audit.columns.subject'),
    purpose: t('audit.columns.purpose'),
    shown: t('audit.columns.shown'),
  };
  return (
    <div
      className="zm-audit-scroll"
      role="region"
      aria-label={t('audit.results.tableLabel')}
      tabIndex={0}
    >
      <table
        className="kern-table kern-table--small zm-table zm-table--stack zm-audit-table"
        aria-busy={busy || undefined}
        data-testid="audit-events"
      >
        <caption className="kern-sr-only">{t('audit.results.title')}</caption>
        <ColumnHeads columns={Object.values(columns)} />
        <tbody className="kern-table__body">
          {events.map((event) => (
            <EventRow key={event.seq} event={event} columns={columns} filters={filters} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function EventRow({
  event,
  columns,
  filters,
}: {
  event: AuditEventView;
  columns: Record<'time' | 'user' | 'action' | 'subject' | 'purpose' | 'shown', string>;
  filters: AuditEventFilters;
}) {
  const { t, i18n } = useTranslation();
  const number = t('audit.results.number', { seq: event.seq });
  const actionKey = actionLabelKey(event.action);
  const subjectKey = event.subject ? subjectLabelKey(event.subject.type) : null;
  const subjectPerson = subjectPersonId(event.subject);
  const shown = shownPersonIds(event.details);
  const { actor } = event;
  return (
    <tr className="kern-table__row" data-seq={event.seq}>
      <th scope="row" className="kern-table__header zm-cell-title">
        <span className="zm-nowrap">{formatDateTime(event.occurredAt, i18n.language)}</span>
        <span className="zm-cell-note">{number}</span>
      </th>
      <td className="kern-table__cell" data-label={columns.user}>
        {actor ? (
          <div className="zm-audit-cell">
            <strong>{actor.displayName || actor.username}</strong>
            <span className="zm-cell-note">
              {actor.username}
              {actor.department ? ` · ${actor.department.code} – ${actor.department.name}` : ''}
            </span>
            <Button
              variant="tertiary"
              className="zm-audit-filter-button"
              label={t('audit.results.byUser', { name: actor.displayName || actor.username })}
              aria-label={`${t('audit.results.byUser', {
                name: actor.displayName || actor.username,
              })} (${number})`}
              onClick={() => filters.byUser(actor)}
            />
          </div>
        ) : (
          <span>{t('audit.results.system')}</span>
        )}
      </td>
      <td className="kern-table__cell" data-label={columns.action}>
        <div className="zm-audit-cell">
          {actionKey ? <span>{t(actionKey)}</span> : null}
          <code className="zm-audit-code">{event.action}</code>
        </div>
      </td>
      <td className="kern-table__cell" data-label={columns.subject}>
        {event.subject ? (
          <div className="zm-audit-cell">
            <span>
              {subjectKey ? t(subjectKey) : event.subject.type}{' '}
              <code className="zm-audit-code" title={event.subject.id}>
                {shortId(event.subject.id)}
              </code>
            </span>
            {subjectPerson ? (
              <Button
                variant="tertiary"
                className="zm-audit-filter-button"
                label={t('audit.results.byThisPerson')}
                aria-label={`${t('audit.results.byThisPerson')}: ${shortId(subjectPerson)} (${number})`}
                onClick={() => filters.byPerson(subjectPerson)}
              />
            ) : null}
          </div>
        ) : (
          <span>–</span>
        )}
      </td>
      <td className="kern-table__cell" data-label={columns.purpose}>
        <div className="zm-audit-cell">
          <span>{event.purpose ?? '–'}</span>
          {event.fileNumber && !event.purpose?.includes(event.fileNumber) ? (
            <span className="zm-cell-note">
              {t('audit.results.fileNumber', { fileNumber: event.fileNumber })}
            </span>
          ) : null}
        </div>
      </td>
      <td className="kern-table__cell" data-label={columns.shown}>
        <div className="zm-audit-cell">
          <span>{event.personsShown ?? '–'}</span>
          {shown.length > 0 ? (
            <ul className="zm-audit-persons" aria-label={t('audit.results.shownPersons')}>
              {shown.slice(0, MAX_PERSON_BUTTONS).map((id, index) => (
                <li key={id}>
                  <Button
                    variant="tertiary"
                    className="zm-audit-filter-button"
                    label={t('audit.results.shownPerson', { n: index + 1, id: shortId(id) })}
                    aria-label={`${t('audit.results.shownPerson', {
                      n: index + 1,
                      id: shortId(id),
                    })}: ${t('audit.results.byPersonAction')} (${number})`}
                    onClick={() => filters.byPerson(id)}
                  />
                </li>
              ))}
              {shown.length > MAX_PERSON_BUTTONS ? (
                <li className="zm-cell-note">
                  {t('audit.results.morePersons', { count: shown.length - MAX_PERSON_BUTTONS })}
                </li>
              ) : null}
            </ul>
          ) : null}
        </div>
      </td>
    </tr>
  );
}
