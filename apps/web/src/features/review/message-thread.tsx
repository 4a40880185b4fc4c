import type { IncidentMessage } from '@zemag/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';

/** Questions, answers and decision notes in order; every body is plain text. */
export function MessageThread({ messages }: { messages: readonly IncidentMessage[] }) {
  const { t, i18n } = useTranslation();
  if (messages.length === 0) {
    return <p className="kern-body zm-empty">{t('review.messages.empty')}</p>;
  }
  return (
    <ol className="zm-thread" data-testid="messages">
      {messages.map((message) => (
        <li key={message.id} className={`zm-thread__item zm-thread__item--${message.kind}`}>
          <p className="zm-thread__head">
            {t(`review.messages.kind.${message.kind}`)} ·{' '}
            {t('review.messages.by', {
              name: message.author.displayName,
              when: formatDateTime(message.createdAt, i18n.language),
            })}
          </p>
          <p className="kern-body zm-thread__body">{message.body}</p>
        </li>
      ))}
    </ol>
  );
}
