import { type SetupAdminRequest, setupContract, type SetupStatus } from '@zemag/contracts';
import type { ApiClient } from '../../api/api-client';

/** Whether the first administrator still has to be created. */
export function fetchSetupStatus(api: ApiClient): Promise<SetupStatus> {
  return api.call(setupContract.status);
}

/** Creates the first administrator with the one-time token from the setup link. */
export function createFirstAdmin(
  api: ApiClient,
  request: SetupAdminRequest,
): Promise<{ username: string }> {
  return api.call(setupContract.createAdmin, { body: request });
}
