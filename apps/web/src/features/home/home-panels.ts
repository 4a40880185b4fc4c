import type { CurrentUser } from '@zemag/contracts';
import { lazy } from 'react';
import { loadTexts } from '../../i18n/text-parts';
import type { RegistrarPanels as Panels } from './registrar-panels';

let loading: Promise<{ default: typeof Panels }> | undefined;

/** The registrars' panels are their own download: a field employee's start page never loads them. */
export function loadRegistrarPanels() {
  return (loading ??= Promise.all([
    import('./registrar-panels'),
    loadTexts('review', 'subjectRequests'),
  ]).then(([m]) => ({ default: m.RegistrarPanels })));
}

export const RegistrarPanels = lazy(loadRegistrarPanels);

/** Whether this user's start page shows the register office's panels. */
export function hasRegistrarPanels(user: CurrentUser): boolean {
  return user.abilities.includes('incident.review') || user.abilities.includes('listing.manage');
}

/**
 * Loads what this user's start page needs before it is first drawn (main.tsx), so the panels do
 * not push the page down when they arrive.
 */
export async function preloadStartPage(user: CurrentUser): Promise<void> {
  if (hasRegistrarPanels(user)) await loadRegistrarPanels().catch(() => undefined);
}
