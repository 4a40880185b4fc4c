import type { Role } from '@zemag/contracts';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../ui/badge';

/** Effective roles as info badges, roles waiting for confirmation as warning badges. */
export function RoleBadges({
  roles,
  pendingRoles = [],
}: {
  roles: readonly Role[];
  pendingRoles?: readonly Role[];
}) {
  const { t } = useTranslation();
  if (roles.length === 0 && pendingRoles.length === 0) return <>–</>;
  return (
    <ul className="zm-badges zm-badges--tight">
      {roles.map((role) => (
        <li key={role}>
          <span className="kern-badge kern-badge--info kern-badge--small">
            <span className="kern-label">{t(`roles.${role}`)}</span>
          </span>
        </li>
      ))}
      {pendingRoles.map((role) => (
        <li key={`pending-${role}`}>
          <Badge
            variant="warning"
            label={t('admin.users.pendingRole', { role: t(`roles.${role}`) })}
          />
        </li>
      ))}
    </ul>
  );
}
