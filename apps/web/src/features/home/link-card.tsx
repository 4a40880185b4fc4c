import { AppLink } from '../../app/app-link';

export interface CardLink {
  key: string;
  href: string;
  label: string;
  /** One line under the link: what the page is for. */
  text: string;
}

/** A start-page card with a title and links to pages, each with a line of explanation. */
export function LinkCard({
  id,
  title,
  links,
  testId,
}: {
  id: string;
  title: string;
  links: readonly CardLink[];
  testId: string;
}) {
  return (
    <section className="kern-card zm-card zm-home-admin" aria-labelledby={`${id}-title`}>
      <div className="kern-card__container">
        <div className="kern-card__header">
          <h2 className="kern-heading-small" id={`${id}-title`}>
            {title}
          </h2>
        </div>
        <div className="kern-card__body">
          <ul className="zm-link-list" data-testid={testId}>
            {links.map((link) => (
              <li key={link.key}>
                <AppLink className="kern-link" href={link.href}>
                  {link.label}
                </AppLink>
                <span className="kern-body kern-body--small kern-body--muted">{link.text}</span>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}
