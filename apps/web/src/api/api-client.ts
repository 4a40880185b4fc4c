import { type HttpMethod as Method, Problem, type RouteContract } from '@zemag/contracts';
import type { z } from 'zod';
import { ApiError } from './api-error';

/** A part of the input: required unless everything in it is optional. */
type Part<R, K extends string> = R extends { [P in K]: infer S extends z.ZodType }
  ? Record<string, never> extends z.input<S>
    ? { [P in K]?: z.input<S> }
    : { [P in K]: z.input<S> }
  : { [P in K]?: never };

/** What a call of a route takes: its path parameters, query and body, typed by the contract. */
export type CallInput<R extends RouteContract> = Part<R, 'params'> &
  Part<R, 'query'> &
  Part<R, 'body'> & { headers?: Record<string, string> };

/** What a call of a route gives: the parsed success body (nothing for 204). */
export type CallResult<R extends RouteContract> = R['status'] extends 204
  ? void
  : z.output<R['response']>;

type CallArgs<R extends RouteContract> =
  Record<string, never> extends CallInput<R> ? [input?: CallInput<R>] : [input: CallInput<R>];

/** The route's path with its `:name` parameters filled in (encoded) and its query appended. */
export function routeUrl(
  path: string,
  params: Record<string, string | number> = {},
  query: Record<string, unknown> = {},
): string {
  const filled = path.replace(/:([A-Za-z]\w*)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${filled}?${text}` : filled;
}

/** A small typed fetch client: every answer is checked against a contract schema. */
export interface ApiClient {
  /** Calls a route of the contract (packages/contracts, `*.routes.ts`). */
  call<R extends RouteContract>(route: R, ...input: CallArgs<R>): Promise<CallResult<R>>;
  /** Called whenever the server says the session is gone; returns an unsubscribe function. */
  onUnauthenticated(listener: () => void): () => void;
}

export interface ApiClientOptions {
  fetch?: typeof fetch;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/** Turns a non-2xx answer into an `ApiError`; a body that is no problem+json is "unexpected". */
export async function toApiError(response: Response): Promise<ApiError> {
  const parsed = Problem.safeParse(await readJson(response));
  if (!parsed.success) {
    return new ApiError({ status: response.status, code: 'client.unexpected_response' });
  }
  const problem = parsed.data;
  return new ApiError({
    status: problem.status,
    code: problem.code,
    detail: problem.detail,
    fieldErrors: problem.errors ?? [],
    retryAfter:
      problem.retryAfter === undefined
        ? undefined
        : { seconds: problem.retryAfter, at: new Date() },
  });
}

/** Creates the client. Cookies go along (same origin); bodies are always JSON. */
export function createApiClient({ fetch: fetchImpl = fetch }: ApiClientOptions = {}): ApiClient {
  const listeners = new Set<() => void>();

  async function call(
    method: Method,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    let response: Response;
    try {
      response = await fetchImpl(path, {
        method,
        credentials: 'same-origin',
        cache: 'no-store',
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      throw new ApiError({ status: 0, code: 'client.network' });
    }
    if (response.ok) return response;
    const error = await toApiError(response);
    if (error.code === 'auth.unauthenticated') listeners.forEach((listener) => listener());
    throw error;
  }

  async function parse<S extends z.ZodType>(response: Response, schema: S): Promise<z.infer<S>> {
    const parsed = schema.safeParse(await readJson(response));
    if (!parsed.success) {
      throw new ApiError({ status: response.status, code: 'client.unexpected_response' });
    }
    return parsed.data;
  }

  return {
    async call(route, ...[input]) {
      const { params, query, body, headers } = (input ?? {}) as {
        params?: Record<string, string>;
        query?: Record<string, unknown>;
        body?: unknown;
        headers?: Record<string, string>;
      };
      const write = route.method !== 'GET' && route.method !== 'DELETE';
      const response = await call(
        route.method,
        routeUrl(route.path, params, query),
        body ?? (write ? {} : undefined),
        headers,
      );
      if (route.status === 204) return undefined as CallResult<typeof route>;
      return (await parse(response, route.response)) as CallResult<typeof route>;
    },
    onUnauthenticated(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
