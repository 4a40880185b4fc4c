import { randomUUID } from 'node:crypto';
import { permissionsFor, ROLES, type Role } from '@zemag/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, engineTitle } from '../test-support/test-database.js';
import { buildTestApp, createTestUser, signIn, type TestApp } from '../test-support/test-app.js';

/**
 * Every route of the OpenAPI document, with every role and anonymously, gets each string field
 * of its body, query and path replaced by odd text. Nothing may answer 5xx; U+0000 and lone
 * surrogates must be refused with a 400 that names the field (text-input.ts).
 */

const SOME_ID = '00000000-0000-4000-8000-000000000000';

/** Refused by the text rule: 400 naming the field. */
const REFUSED = { nul: 'a\u0000b', high: 'a\ud800b', low: '\udfffz' };
/** Allowed but odd: anything but a 5xx. */
const ODD = {
  combining: 'Mu\u0308ller\u0336\u0336',
  rtl: '\u202eredlüM',
  emoji: 'Jürgen 😀',
  long: 'x'.repeat(10_000),
};

interface JsonSchema {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  minimum?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  minItems?: number;
}

/** A plausible value for a schema (all properties filled, so every string field exists). */
function sample(schema: JsonSchema): unknown {
  if (schema.enum) return schema.enum[0];
  if (schema.const !== undefined) return schema.const;
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return sample(options.find((o) => o.type !== 'null') ?? options[0]!);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([key, member]) => [key, sample(member)]),
      );
    case 'array':
      return schema.items ? [sample(schema.items)] : [];
    case 'string':
      if (schema.format === 'uuid') return SOME_ID;
      if (schema.format === 'date-time') return '2026-01-15T08:00:00Z';
      if (schema.format === 'date') return '2026-01-15';
      if (schema.pattern?.includes('\\d{5}')) return '12345';
      if (schema.pattern?.includes('\\d{4}')) return '1980';
      return 'Text'.padEnd(schema.minLength ?? 0, 'x');
    case 'number':
    case 'integer':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    default:
      return null;
  }
}

/** The body variants: one per option of a top-level union, else one. */
function bodies(schema: JsonSchema | undefined): unknown[] {
  if (!schema) return [];
  const options = schema.oneOf ?? schema.anyOf;
  return options ? options.filter((o) => o.type !== 'null').map(sample) : [sample(schema)];
}

/** Paths of every string in a value, e.g. ['persons', '0', 'familyName']. */
function stringPaths(value: unknown, path: string[] = []): string[][] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringPaths(item, [...path, `${i}`]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, member]) => stringPaths(member, [...path, key]));
  }
  return [];
}

function withValue(value: unknown, path: string[], text: string): unknown {
  if (path.length === 0) return text;
  const [head, ...rest] = path as [string, ...string[]];
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string,
    unknown
  >;
  copy[head] = withValue(copy[head], rest, text);
  return copy;
}

/** Text as it appears in a URL: UTF-8 percent-encoded, a lone surrogate as its raw UTF-8-like bytes. */
function urlText(text: string): string {
  return [...text]
    .map((ch) => {
      const code = ch.codePointAt(0)!;
      if (code >= 0xd800 && code <= 0xdfff) {
        return `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase();
      }
      return encodeURIComponent(ch);
    })
    .join('');
}

interface Probe {
  method: string;
  url: string;
  query: Record<string, string>;
  body?: unknown;
  field: string;
  text: string;
  /** Only in JSON can a lone surrogate be written; in a URL its bytes are invalid UTF-8. */
  mustName: boolean;
  /** Text the rule refuses (sent with every role) rather than odd text that is stored. */
  refused: boolean;
}

interface Operation {
  parameters?: { in: string; name: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

function probesFor(method: string, openApiPath: string, op: Operation): Probe[] {
  const params = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
  const queryNames = (op.parameters ?? [])
    .filter((p) => p.in === 'query' && p.schema?.type === 'string')
    .map((p) => p.name);
  const urlWith = (param?: string, text?: string) =>
    openApiPath.replace(/\{(\w+)\}/g, (_, name: string) =>
      name === param ? urlText(text!) : name === 'role' ? 'reporter' : SOME_ID,
    );
  const probes: Probe[] = [];
  for (const [kind, text] of [...Object.entries(REFUSED), ...Object.entries(ODD)]) {
    const refused = kind in REFUSED;
    for (const param of params) {
      probes.push({
        method,
        url: urlWith(param, text),
        query: {},
        field: param,
        text,
        mustName: refused && kind === 'nul',
        refused,
      });
    }
    for (const name of queryNames) {
      probes.push({
        method,
        url: `${urlWith()}?${name}=${urlText(text)}`,
        query: {},
        field: name,
        text,
        mustName: refused && kind === 'nul',
        refused,
      });
    }
    for (const body of bodies(op.requestBody?.content?.['application/json']?.schema)) {
      for (const path of stringPaths(body)) {
        probes.push({
          method,
          url: urlWith(),
          query: {},
          body: withValue(body, path, text),
          field: path.join('.') || 'body',
          text,
          mustName: refused,
          refused,
        });
      }
    }
  }
  return probes;
}

for (const target of engines) {
  describe.skipIf(target.skip)(
    `odd text in every field of every route ${engineTitle(target)}`,
    () => {
      let t: TestApp;
      const cookies = new Map<Role | 'anonymous', string>();
      let doc: { paths: Record<string, Record<string, Operation>> };
      beforeAll(async () => {
        t = await buildTestApp({ engine: target.engine });
        for (const role of ROLES) {
          const who = await createTestUser(t, { roles: [role] });
          cookies.set(role, (await signIn(t.app, who)).cookie);
        }
        cookies.set('anonymous', '');
        doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
      });
      afterAll(async () => {
        await t?.close();
      });

      it('never answers 5xx and refuses U+0000 and lone surrogates naming the field', async () => {
        const access = new Map(t.app.routeAccessTable().map((r) => [`${r.method} ${r.url}`, r]));
        const failures: string[] = [];
        let named = 0;
        for (const [openApiPath, operations] of Object.entries(doc.paths)) {
          for (const [method, op] of Object.entries(operations)) {
            const upper = method.toUpperCase();
            // signing out would end the walk's sessions
            if (upper === 'DELETE' && openApiPath === '/api/v1/session') continue;
            const route = access.get(`${upper} ${openApiPath.replace(/\{(\w+)\}/g, ':$1')}`);
            const probes = probesFor(upper, openApiPath, op);
            let oddSent = false;
            for (const [who, cookie] of cookies) {
              const permission = route?.permission;
              const allowed =
                permission === 'public' ||
                (who !== 'anonymous' &&
                  (permission === 'authenticated' ||
                    permission === 'session' ||
                    permissionsFor([who]).includes(permission as never)));
              // Odd but storable text reaches the handler: once per route with a role that may
              // call it is enough (the other roles would repeat the same work); refused text
              // and every refused role are cheap and go with every identity.
              const sendOdd = !allowed || !oddSent;
              if (allowed) oddSent = true;
              for (const probe of probes) {
                if (!probe.refused && !sendOdd) continue;
                const response = await t.app.inject({
                  method: probe.method as 'POST',
                  url: probe.url,
                  headers: { cookie, 'idempotency-key': randomUUID() },
                  ...(probe.body === undefined ? {} : { payload: probe.body as object }),
                });
                const label = `${who} ${probe.method} ${probe.url.slice(0, 80)} ${probe.field}=${JSON.stringify(probe.text.slice(0, 12))}`;
                if (response.statusCode >= 500) {
                  failures.push(`${label} → ${response.statusCode} ${response.body.slice(0, 200)}`);
                } else if (probe.mustName && allowed) {
                  const problem = (
                    String(response.headers['content-type'] ?? '').includes('json')
                      ? response.json()
                      : {}
                  ) as { errors?: { field: string; code: string }[] };
                  const namesField = problem.errors?.some(
                    (e) => e.field === probe.field && e.code === 'invalid_characters',
                  );
                  if (response.statusCode !== 400 || !namesField) {
                    failures.push(
                      `${label} → ${response.statusCode} ${response.body.slice(0, 200)}`,
                    );
                  } else named += 1;
                }
              }
            }
          }
        }
        expect(failures).toEqual([]);
        // the walk covered real ground: many refusals were checked for their field
        expect(named).toBeGreaterThan(300);
      }, 900_000);
    },
  );
}
