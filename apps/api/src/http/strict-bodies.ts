import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

const WRITES = new Set(['POST', 'PUT', 'PATCH']);
const strictCache = new WeakMap<z.ZodType, z.ZodType>();

type Def = Record<string, unknown> & { type: string };
const defOf = (schema: z.ZodType) => schema._zod.def as unknown as Def;
const rebuild = (schema: z.ZodType, def: Def) => schema.clone(def as never) as z.ZodType;

/**
 * The schema with every object in it strict: a member the schema does not name is refused
 * (`unrecognized_keys`, a 400 naming the field) instead of silently dropped, at any depth
 * (arrays, optional/nullable/default members, unions, the input side of a pipe, record values).
 * Objects that declare their own catch-all (`z.looseObject`, `.catchall(...)`) keep it, and
 * both sides of an intersection stay as they are (each side would refuse the other's members).
 * Checks and refinements are kept: the copies are `clone`s of the same definitions.
 */
export function strictDeep<T extends z.ZodType>(schema: T): T {
  const cached = strictCache.get(schema);
  if (cached) return cached as T;
  const def = defOf(schema);
  const deep = (inner: unknown) => strictDeep(inner as z.ZodType);
  let result: z.ZodType;
  switch (def.type) {
    case 'object': {
      const shape = Object.fromEntries(
        Object.entries(def.shape as Record<string, z.ZodType>).map(([k, v]) => [k, deep(v)]),
      );
      result = rebuild(schema, { ...def, shape, catchall: def.catchall ?? z.never() });
      break;
    }
    case 'array':
      result = rebuild(schema, { ...def, element: deep(def.element) });
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      result = rebuild(schema, { ...def, innerType: deep(def.innerType) });
      break;
    case 'union':
      result = rebuild(schema, { ...def, options: (def.options as z.ZodType[]).map(deep) });
      break;
    case 'pipe':
      result = rebuild(schema, { ...def, in: deep(def.in) });
      break;
    case 'record':
      result = rebuild(schema, { ...def, valueType: deep(def.valueType) });
      break;
    default:
      result = schema;
  }
  strictCache.set(schema, result);
  return result as T;
}

/**
 * Request bodies of writes (POST, PUT, PATCH) refuse unknown members: a misspelt or unexpected
 * field is an error the client hears about, not a value that silently goes missing. Applied to
 * every route as it is added, so the OpenAPI document (`additionalProperties: false`), the
 * validation and the handler's types agree and no route can forget it.
 */
export function registerStrictBodies(app: FastifyInstance) {
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const body = route.schema?.body;
    if (body && typeof body === 'object' && '_zod' in body && methods.some((m) => WRITES.has(m))) {
      route.schema = { ...route.schema, body: strictDeep(body as z.ZodType) };
    }
  });
}
