import { describe, expect, it } from 'vitest';
import { createIncidentSender } from './incident-sender';

const KEY = '7d0c2a4e-1b7f-4a4e-9f0e-000000000001';

function problem(status: number, code: string, errors?: unknown[]) {
  return new Response(
    JSON.stringify({
      type: 'about:blank',
      title: code,
      status,
      code,
      detail: { de: 'x', en: 'x' },
      ...(errors ? { errors } : {}),
    }),
    { status, headers: { 'content-type': 'application/problem+json' } },
  );
}

function senderAnswering(answer: () => Response | Promise<Response>) {
  const requests: Request[] = [];
  const send = createIncidentSender((input, init) => {
    requests.push(new Request(new URL(String(input), 'http://zemag.test'), init));
    return Promise.resolve(answer());
  });
  return { send, requests };
}

describe('sending a report from the outbox', () => {
  it('posts the report with its idempotency key and reads the receipt', async () => {
    const receipt = {
      id: '00000000-0000-4000-8000-000000000001',
      reference: 'V-2026-00001',
      status: 'submitted',
      submittedAt: '2026-03-10T09:16:00.000Z',
    };
    const { send, requests } = senderAnswering(
      () => new Response(JSON.stringify(receipt), { status: 201 }),
    );
    expect(await send(KEY, { a: 1 })).toEqual({ kind: 'stored', receipt });
    expect(requests[0]!.method).toBe('POST');
    expect(new URL(requests[0]!.url).pathname).toBe('/api/v1/incidents');
    expect(requests[0]!.headers.get('idempotency-key')).toBe(KEY);
    expect(await requests[0]!.json()).toEqual({ a: 1 });
  });

  it.each([
    [409, 'idempotency.in_flight'],
    [401, 'auth.unauthenticated'],
    [429, 'request.rate_limited'],
    [500, 'server.internal'],
    [503, 'server.unavailable'],
  ])('keeps the report for later on %i %s', async (status, code) => {
    const { send } = senderAnswering(() => problem(status, code));
    expect(await send(KEY, {})).toEqual({ kind: 'retry', code });
  });

  it('keeps the report for later without a connection', async () => {
    const send = createIncidentSender(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await send(KEY, {})).toEqual({ kind: 'retry', code: 'client.network' });
  });

  it('treats 422 key_reused as already stored', async () => {
    const { send } = senderAnswering(() => problem(422, 'idempotency.key_reused'));
    expect(await send(KEY, {})).toEqual({ kind: 'duplicate' });
  });

  it('passes field errors on when the server refuses the content', async () => {
    const errors = [
      { field: 'occurredAt', code: 'incident.in_future', message: { de: 'x', en: 'x' } },
    ];
    const { send } = senderAnswering(() => problem(400, 'request.invalid', errors));
    expect(await send(KEY, {})).toEqual({
      kind: 'invalid',
      code: 'request.invalid',
      fieldErrors: errors,
    });
  });

  it('recognises an ended session by the 401, also without a problem body', async () => {
    const { send } = senderAnswering(() => new Response('<html>', { status: 401 }));
    expect(await send(KEY, {})).toEqual({ kind: 'retry', code: 'auth.unauthenticated' });
  });
});
