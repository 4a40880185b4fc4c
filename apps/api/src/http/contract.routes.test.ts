import { allRoutes } from '@zemag/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test-support/test-app.js';

/** Served outside the contract on purpose: the API's own documentation. */
const OUTSIDE_CONTRACT = new Set(['GET /api/openapi.json']);

const key = (method: string, path: string) => `${method} ${path}`;

describe('the HTTP contract', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('describes every route the API serves, with the same access', () => {
    const served = t.app
      .routeAccessTable()
      .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'))
      .filter((r) => r.method !== 'HEAD');
    const contract = new Map(allRoutes().map((r) => [key(r.method, r.path), r.access]));
    const missing = served
      .map((r) => key(r.method, r.url))
      .filter((k) => !contract.has(k) && !OUTSIDE_CONTRACT.has(k));
    expect(missing).toEqual([]);
    const wrongAccess = served
      .filter((r) => contract.has(key(r.method, r.url)))
      .filter((r) => contract.get(key(r.method, r.url)) !== r.permission)
      .map((r) => key(r.method, r.url));
    expect(wrongAccess).toEqual([]);
  });

  it('serves every route of the contract, each described once', () => {
    const served = new Set(t.app.routeAccessTable().map((r) => key(r.method, r.url)));
    const keys = allRoutes().map((r) => key(r.method, r.path));
    expect(keys.filter((k) => !served.has(k))).toEqual([]);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });
});
