import {
  type LookupReason,
  LookupReasonList,
  type LookupRequest,
  LookupResult,
} from '@zemag/contracts';
import { useMemo } from 'react';
import { useApi } from '../../api/api.context';

/** The look-up calls: the configured reasons, and one audited look-up. */
export function useLookupApi() {
  const api = useApi();
  return useMemo(
    () => ({
      reasons: async (): Promise<LookupReason[]> =>
        (await api.get('/api/v1/lookups/reasons', LookupReasonList)).reasons,
      lookup: (request: LookupRequest): Promise<LookupResult> =>
        api.post('/api/v1/lookups', request, LookupResult),
    }),
    [api],
  );
}
