/**
 * The signed-in parts of the app, each loaded as its own chunk: a field employee's session never
 * downloads the registrars' or the administration's code. The prefixes live here, apart from
 * the pages, so that deciding which part a path belongs to loads none of them.
 */
export type RouteArea =
  | 'reports'
  | 'review'
  | 'subject-requests'
  | 'lookup'
  | 'audit'
  | 'records'
  | 'statistics'
  | 'admin';

const PREFIXES: readonly (readonly [prefix: string, area: RouteArea])[] = [
  ['/reports', 'reports'],
  ['/review', 'review'],
  ['/persons', 'review'],
  ['/listings', 'review'],
  ['/subject-requests', 'subject-requests'],
  ['/admin', 'admin'],
  ['/audit', 'audit'],
];

// The look-up, the visit list, the record of processing and the statistics are single pages.
const EXACT: readonly (readonly [path: string, area: RouteArea])[] = [
  ['/lookup', 'lookup'],
  ['/visits', 'lookup'],
  ['/records', 'records'],
  ['/statistics', 'statistics'],
];

/** The part of the app a path belongs to, or null for the shell's own pages and unknown paths. */
export function routeArea(path: string): RouteArea | null {
  const exact = EXACT.find(([known]) => known === path);
  if (exact) return exact[1];
  const prefixed = PREFIXES.find(([prefix]) => path === prefix || path.startsWith(`${prefix}/`));
  return prefixed ? prefixed[1] : null;
}
