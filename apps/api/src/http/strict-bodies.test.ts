import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildTestApp, createTestUser, signIn, type TestApp } from '../test-support/test-app.js';
import { strictDeep } from './strict-bodies.js';

describe('strict request bodies', () => {
  const Address = z.object({ street: z.string(), city: z.string().nullable().default(null) });
  const Body = z
    .object({
      name: z.string().trim().min(1),
      address: Address.nullable().optional(),
      people: z.array(z.object({ familyName: z.string() })).default([]),
      decision: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('a'), note: z.string().default('') }),
        z.object({ kind: z.literal('b'), reason: z.string().min(3) }),
      ]),
      raw: z.record(z.string(), z.unknown()).optional(),
      loose: z.looseObject({ x: z.number() }).optional(),
    })
    .refine((b) => b.name !== 'forbidden', { message: 'no', path: ['name'] });
  const strict = strictDeep(Body);
  const good = { name: ' N ', decision: { kind: 'b', reason: 'why' } };

  it('accepts what the schema names, with its defaults, transforms and refinements', () => {
    expect(strict.parse(good)).toEqual({
      name: 'N',
      people: [],
      decision: { kind: 'b', reason: 'why' },
    });
    expect(strict.safeParse({ ...good, name: 'forbidden' }).success).toBe(false);
    expect(strict.safeParse({ ...good, decision: { kind: 'b', reason: 'x' } }).success).toBe(false);
    // a record's own keys and a loose object's extra members stay allowed
    expect(strict.safeParse({ ...good, raw: { any: 1 }, loose: { x: 1, y: 2 } }).success).toBe(
      true,
    );
  });

  it.each([
    [{ ...good, extra: 1 }, []],
    [{ ...good, address: { street: 'S', zip: '1' } }, ['address']],
    [{ ...good, people: [{ familyName: 'M', nickname: 'x' }] }, ['people', 0]],
    [{ ...good, decision: { kind: 'a', reason: 'x' } }, ['decision']],
  ])('refuses an unknown member at any depth: %j', (value, path) => {
    const result = strict.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toContainEqual(
      expect.objectContaining({ code: 'unrecognized_keys', path }),
    );
    // the schema the contracts export is unchanged
    expect(Body.safeParse(value).success).toBe(true);
  });
});

describe('unknown fields on writes over HTTP', () => {
  let t: TestApp;
  let reporter: string;
  beforeAll(async () => {
    t = await buildTestApp();
    reporter = (await signIn(t.app, await createTestUser(t, { roles: ['reporter'] }))).cookie;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses an unknown field in a sign-in with a 400 naming it', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'someone', password: 'secret', isAdmin: true },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'request.invalid',
      errors: [
        {
          field: 'isAdmin',
          code: 'unknown_field',
          message: {
            de: 'Feld „isAdmin“ ist kein Feld dieser Anfrage und wird nicht angenommen.',
            en: "Field 'isAdmin' is not a field of this request and is not accepted.",
          },
        },
      ],
    });
  });

  it('refuses an unknown field nested in a report, naming its path', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/incidents',
      headers: { cookie: reporter, 'idempotency-key': randomUUID() },
      payload: {
        occurredAt: '2026-01-15T07:30:00+01:00',
        place: { description: 'Flur', floor: 3 },
        categories: ['threat'],
        level: 2,
        quick: true,
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      expect.objectContaining({ field: 'place.floor', code: 'unknown_field' }),
    ]);
  });

  it('documents write bodies as closed (additionalProperties: false)', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    const schema = doc.paths['/api/v1/session'].post.requestBody.content['application/json'].schema;
    expect(schema.additionalProperties).toBe(false);
  });
});
