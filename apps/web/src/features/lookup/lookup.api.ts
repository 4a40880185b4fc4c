import {
  type LookupReason,
  type LookupRequest,
  type LookupResult,
  lookupContract,
} from '@zemag/contracts';
import { useMemo } from 'react';
import { useApi } from '../../api/api.context';

/** The look-up calls: the configured reasons, and one audited look-up. */
export function useLookupApi() {
  const api = useApi();
  return useMemo(
    () => ({
      reasons: async (): Promise<LookupReason[]> =>
        (await api.call(lookupContract.reasons)).reasons,
      lookup: (request: LookupRequest): Promise<LookupResult> =>
        api.call(lookupContract.lookup, { body: request }),
    }),
    [api],
  );
}
