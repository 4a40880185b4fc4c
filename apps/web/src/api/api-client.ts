import { Problem } from '@zemag/contracts';
import type { z } from 'zod';
import { ApiError } from './api-error';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A small typed fetch client: every answer is checked against a contract schema. */
export interface ApiClient {
  get<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>>;
  post<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<z.infer<S>>;
  put<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<z.infer<S>>;
  patch<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<z.infer<S>>;
  /** For answers without a body (204). */
  send(method: Method, path: string, body?: unknown): Promise<void>;
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
  });
}

/** Creates the client. Cookies go along (same origin); bodies are always JSON. */
export function createApiClient({ fetch: fetchImpl = fetch }: ApiClientOptions = {}): ApiClient {
  const listeners = new Set<() => void>();

  async function call(method: Method, path: string, body?: unknown): Promise<Response> {
    let response: Response;
    try {
      response = await fetchImpl(path, {
        method,
        credentials: 'same-origin',
        cache: 'no-store',
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
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
    async get(path, schema) {
      return parse(await call('GET', path), schema);
    },
    async post(path, body, schema) {
      return parse(await call('POST', path, body), schema);
    },
    async put(path, body, schema) {
      return parse(await call('PUT', path, body), schema);
    },
    async patch(path, body, schema) {
      return parse(await call('PATCH', path, body), schema);
    },
    async send(method, path, body) {
      await call(method, path, body);
    },
    onUnauthenticated(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
