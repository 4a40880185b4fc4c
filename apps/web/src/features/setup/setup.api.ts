import { type SetupAdminRequest, SetupStatus } from '@zemag/contracts';
import { z } from 'zod';
import type { ApiClient } from '../../api/api-client';

const SetupAdminResponse = z.object({ username: z.string() });

/** Whether the first administrator still has to be created. */
export function fetchSetupStatus(api: ApiClient): Promise<SetupStatus> {
  return api.get('/api/v1/setup', SetupStatus);
}

/** Creates the first administrator with the one-time token from the setup link. */
export function createFirstAdmin(
  api: ApiClient,
  request: SetupAdminRequest,
): Promise<{ username: string }> {
  return api.post('/api/v1/setup/admin', request, SetupAdminResponse);
}
