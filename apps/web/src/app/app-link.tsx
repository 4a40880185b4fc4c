import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { navigate } from './router';

type AppLinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string };

/** A link within the app: a real `<a href>` that navigates without reloading. */
export function AppLink({ href, onClick, ...rest }: AppLinkProps) {
  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  }
  return <a href={href} onClick={handleClick} {...rest} />;
}
