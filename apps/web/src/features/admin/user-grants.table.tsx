import type { Grant, Role } from '@zemag/contracts';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { ColumnHeads } from '../../ui/column-heads';
import { formatDate, localToday } from '../../ui/format';
import { GRANT_STATUS_VARIANT, grantStatusKey, recertificationState } from './grant-status';
import { PersonStamp } from './person-stamp';

export type GrantAction = 'confirm' | 'decline' | 'revoke';

/** One account's grants: status, dates, who granted and confirmed, and what can be done. */
export function UserGrantsTable({
  grants,
  currentUserId,
  onAction,
}: {
  grants: readonly Grant[];
  currentUserId: string;
  onAction(action: GrantAction, role: Role): void;
}) {
  const { t, i18n } = useTranslation();
  const today = localToday();
  if (grants.length === 0) return <p className="kern-body">{t('admin.grants.noneForUser')}</p>;
  return (
    <table className="kern-table kern-table--small zm-table zm-table--stack">
      <caption className="kern-sr-only">{t('admin.user.grantsTitle')}</caption>
      <ColumnHeads
        columns={[
          t('admin.grant.role'),
          t('admin.grant.status'),
          t('admin.grant.endsOn'),
          t('admin.grant.recertifyBy'),
          t('admin.grant.grantedBy'),
          t('admin.grant.confirmedBy'),
          { label: t('admin.common.actions'), screenReaderOnly: true },
        ]}
      />
      <tbody className="kern-table__body">
        {grants.map((grant) => {
          const roleName = t(`roles.${grant.role}`);
          const recert = recertificationState(grant.recertifyBy, today);
          const ownGrant = grant.grantedBy?.id === currentUserId;
          return (
            <tr key={grant.role} className="kern-table__row" data-role={grant.role}>
              <th scope="row" className="kern-table__header zm-cell-title">
                {roleName}
              </th>
              <td className="kern-table__cell" data-label={t('admin.grant.status')}>
                <Badge
                  variant={GRANT_STATUS_VARIANT[grant.status]}
                  label={t(grantStatusKey(grant.status))}
                />
              </td>
              <td className="kern-table__cell" data-label={t('admin.grant.endsOn')}>
                {grant.endsOn ? formatDate(grant.endsOn, i18n.language) : t('admin.grant.noEnd')}
              </td>
              <td className="kern-table__cell" data-label={t('admin.grant.recertifyBy')}>
                {formatDate(grant.recertifyBy, i18n.language)}
                {grant.status === 'active' && recert !== 'ok' ? (
                  <span className="zm-cell-note zm-cell-note--warning">
                    {t(`admin.grant.recert.${recert}`)}
                  </span>
                ) : null}
              </td>
              <td className="kern-table__cell" data-label={t('admin.grant.grantedBy')}>
                <PersonStamp person={grant.grantedBy} at={grant.grantedAt} />
              </td>
              <td className="kern-table__cell" data-label={t('admin.grant.confirmedBy')}>
                <PersonStamp person={grant.confirmedBy} at={grant.confirmedAt} />
              </td>
              <td className="kern-table__cell kern-table__cell--action zm-cell-actions">
                {grant.status === 'pending' ? (
                  <>
                    {ownGrant ? (
                      <span className="zm-cell-note">{t('admin.grants.ownGrant')}</span>
                    ) : (
                      <Button
                        variant="primary"
                        icon="check"
                        label={t('admin.grants.confirm')}
                        aria-label={t('admin.grants.confirmNamed', { role: roleName })}
                        onClick={() => onAction('confirm', grant.role)}
                      />
                    )}
                    <Button
                      variant="secondary"
                      label={t('admin.grants.decline')}
                      aria-label={t('admin.grants.declineNamed', { role: roleName })}
                      onClick={() => onAction('decline', grant.role)}
                    />
                  </>
                ) : grant.status === 'revoked' ? null : (
                  <Button
                    variant="secondary"
                    icon="delete"
                    label={t('admin.grants.revoke')}
                    aria-label={t('admin.grants.revokeNamed', { role: roleName })}
                    onClick={() => onAction('revoke', grant.role)}
                  />
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
