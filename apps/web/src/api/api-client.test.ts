import { route, setupContract, SetupStatus } from '@zemag/contracts';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createApiClient, routeUrl } from './api-client';
import { ApiError } from './api-error';

function json(status: number, body: unknown, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
}

const problem = (status: number, code: string, extra: object = {}) =>
  json(
    status,
    {
      type: `urn:zemag:problem:${code}`,
      title: code,
      status,
      code,
      detail: { de: 'de', en: 'en' },
      ...extra,
    },
    'application/problem+json',
  );

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

const setupStatus = setupContract.status;
const createAdmin = setupContract.createAdmin;
const admin = { token: 't', username: 'admin', displayName: 'Admin', password: 'p' };

describe('createApiClient', () => {
  it('parses a good answer with the contract schema', async () => {
    const fetch = vi.fn().mockResolvedValue(json(200, { required: true }));
    const api = createApiClient({ fetch });
    await expect(api.call(setupStatus)).resolves.toEqual({ required: true });
    expect(fetch.mock.calls[0]?.[0]).toBe('/api/v1/setup');
  });

  it('sends JSON with a content type, same-origin credentials and no caching', async () => {
    const fetch = vi.fn().mockResolvedValue(json(201, { username: 'admin' }));
    await createApiClient({ fetch }).call(createAdmin, { body: admin });
    const [, init] = fetch.mock.calls[0] as [string, RequestInit];
    expect(init).toMatchObject({
      method: 'POST',
      body: JSON.stringify(admin),
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { 'content-type': 'application/json' },
    });
  });

  it('turns problem+json into an ApiError with code and field errors', async () => {
    const errors = [{ field: 'password', code: 'too_short', message: { de: 'd', en: 'e' } }];
    const fetch = vi.fn().mockResolvedValue(problem(400, 'request.invalid', { errors }));
    const error = await failure(createApiClient({ fetch }).call(createAdmin, { body: admin }));
    expect(error).toMatchObject({ status: 400, code: 'request.invalid', fieldErrors: errors });
  });

  it('calls the unauthenticated listeners on a 401 auth.unauthenticated only', async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(problem(401, 'auth.invalid_credentials'))
      .mockResolvedValueOnce(problem(401, 'auth.unauthenticated'));
    const api = createApiClient({ fetch });
    const listener = vi.fn();
    api.onUnauthenticated(listener);
    await failure(api.call(createAdmin, { body: admin }));
    expect(listener).not.toHaveBeenCalled();
    await failure(api.call(setupStatus));
    expect(listener).toHaveBeenCalledOnce();
  });

  it('reports an answer that breaks the contract as unexpected', async () => {
    const fetch = vi.fn().mockResolvedValue(json(200, { required: 'yes' }));
    const error = await failure(createApiClient({ fetch }).call(setupStatus));
    expect(error.code).toBe('client.unexpected_response');
  });

  it('reports an error page that is no problem+json as unexpected', async () => {
    const fetch = vi.fn().mockResolvedValue(new Response('<h1>Bad gateway</h1>', { status: 502 }));
    const error = await failure(createApiClient({ fetch }).call(setupStatus));
    expect(error).toMatchObject({ status: 502, code: 'client.unexpected_response' });
  });

  it('reports a failed connection as a network error', async () => {
    const fetch = vi.fn().mockRejectedValue(new TypeError('Failed to fetch'));
    const error = await failure(createApiClient({ fetch }).call(setupStatus));
    expect(error.code).toBe('client.network');
  });
});

describe('call(route, …)', () => {
  const answer = route({
    method: 'POST',
    path: '/api/v1/things/:id/answers/:n',
    access: 'authenticated',
    tag: 'test',
    summary: 'test',
    params: z.object({ id: z.string(), n: z.string() }),
    query: z.object({ status: z.string().optional() }),
    body: z.object({ text: z.string() }),
    status: 200,
    response: SetupStatus,
    problems: [400],
  });
  const remove = route({
    method: 'DELETE',
    path: '/api/v1/things/:id',
    access: 'authenticated',
    tag: 'test',
    summary: 'test',
    params: z.object({ id: z.string() }),
    status: 204,
    response: z.null(),
    problems: [404],
  });

  it('fills the path parameters (encoded), the query and the JSON body from the contract', async () => {
    const fetch = vi.fn().mockResolvedValue(json(200, { required: true }));
    const api = createApiClient({ fetch });
    await expect(
      api.call(answer, {
        params: { id: 'a/b', n: '2' },
        query: { status: 'proposed,active' },
        body: { text: 'hi' },
      }),
    ).resolves.toEqual({ required: true });
    const [url, init] = fetch.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/v1/things/a%2Fb/answers/2?status=proposed%2Cactive');
    expect(init).toMatchObject({ method: 'POST', body: '{"text":"hi"}' });
  });

  it('reads no body from a 204 answer', async () => {
    const fetch = vi.fn().mockResolvedValue(new Response(null, { status: 204 }));
    await expect(createApiClient({ fetch }).call(remove, { params: { id: 'x' } })).resolves.toBe(
      undefined,
    );
    expect((fetch.mock.calls[0] as [string, RequestInit])[1].method).toBe('DELETE');
  });

  it('refuses to build a path with a parameter missing', () => {
    expect(() => routeUrl('/api/v1/things/:id', {})).toThrow(/id/);
    expect(routeUrl('/api/v1/things', {}, { a: undefined, b: 1 })).toBe('/api/v1/things?b=1');
  });
});
