import type { z } from 'zod';
import type { ApiClient } from '../../api/api-client';
import { ApiError } from '../../api/api-error';
import { toApiError } from '../../api/api-client';

/**
 * PUT and PATCH with the same rules as the shared client (same-origin cookie, no caching,
 * answers checked against the contract). The shared client has only GET/POST/DELETE so far.
 */
export async function sendJson<S extends z.ZodType>(
  api: ApiClient,
  method: 'PUT' | 'PATCH',
  path: string,
  body: unknown,
  schema: S,
): Promise<z.infer<S>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError({ status: 0, code: 'client.network' });
  }
  if (!response.ok) {
    const error = await toApiError(response);
    // Let the shared client notice the ended session, so the app returns to sign-in.
    if (error.code === 'auth.unauthenticated') void api.send('GET', '/api/v1/session').catch(noop);
    throw error;
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    json = undefined;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError({ status: response.status, code: 'client.unexpected_response' });
  }
  return parsed.data;
}

function noop() {}
