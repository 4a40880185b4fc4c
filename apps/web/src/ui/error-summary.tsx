import type { MouseEvent } from 'react';
import { Alert } from './alert';

export interface ErrorSummaryItem {
  /** The id of the input the message is about. */
  id: string;
  text: string;
}

function focusField(event: MouseEvent<HTMLAnchorElement>, id: string) {
  event.preventDefault();
  document.getElementById(id)?.focus();
}

/** An alert listing every field error, each a link that moves focus to its field. */
export function ErrorSummary({
  title,
  items,
}: {
  title: string;
  items: readonly ErrorSummaryItem[];
}) {
  return (
    <Alert variant="danger" title={title} role="alert">
      <ul className="kern-list zm-error-summary">
        {items.map((item) => (
          <li key={item.id}>
            <a
              className="kern-link"
              href={`#${item.id}`}
              onClick={(event) => focusField(event, item.id)}
            >
              {item.text}
            </a>
          </li>
        ))}
      </ul>
    </Alert>
  );
}
