import type { CurrentUser } from '@zemag/contracts';
import { loadTexts } from '../../i18n/text-parts';
import { lazyComponent } from '../../app/lazy-component';

/** The registrars' panels are their own download: a field employee's start page never loads them. */
export const RegistrarPanels = lazyComponent(() =>
  Promise.all([import('./registrar-panels'), loadTexts('review', 'subjectRequests')]).then(
    ([m]) => m.RegistrarPanels,
  ),
);

/** Whether this user's start page shows the register office's panels. */
export function hasRegistrarPanels(user: CurrentUser): boolean {
  return user.abilities.includes('incident.review') || user.abilities.includes('listing.manage');
}

/**
 * Loads what this user's start page needs before it is first drawn (main.tsx), so the panels do
 * not push the page down when they arrive.
 */
export async function preloadStartPage(user: CurrentUser): Promise<void> {
  if (hasRegistrarPanels(user)) await RegistrarPanels.preload().catch(() => undefined);
}
