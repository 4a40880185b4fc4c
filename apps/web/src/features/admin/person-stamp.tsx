import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';

/** "Kim Muster, 10.03.2026, 09:15" — who did something and when; "–" when nobody did. */
export function PersonStamp({
  person,
  at,
}: {
  person: { displayName: string } | null;
  at: string | null;
}) {
  const { t, i18n } = useTranslation();
  if (!person && !at) return <>–</>;
  return (
    <>
      {person ? person.displayName : t('admin.common.system')}
      {at ? <span className="zm-cell-note">{formatDateTime(at, i18n.language)}</span> : null}
    </>
  );
}
