import { describe, expect, it } from 'vitest';
import { routeArea } from './route-areas';

describe('routeArea', () => {
  it.each([
    ['/reports', 'reports'],
    ['/reports/new', 'reports'],
    ['/reports/outbox/7', 'reports'],
    ['/review', 'review'],
    ['/review/42', 'review'],
    ['/persons/9', 'review'],
    ['/listings', 'review'],
    ['/listings/3', 'review'],
    ['/subject-requests/5', 'subject-requests'],
    ['/lookup', 'lookup'],
    ['/visits', 'lookup'],
    ['/audit', 'audit'],
    ['/audit/findings', 'audit'],
    ['/records', 'records'],
    ['/admin', 'admin'],
    ['/admin/users/1', 'admin'],
  ] as const)('puts %s into the %s part', (path, area) => {
    expect(routeArea(path)).toBe(area);
  });

  it.each([
    '/',
    '/sign-in',
    '/security',
    '/setup',
    '/reportsx',
    '/lookup/1',
    '/auditx',
    '/records/x',
    '/administration',
  ])('leaves %s to the shell', (path) => {
    expect(routeArea(path)).toBeNull();
  });
});
