import { type VisitListRequest, type VisitListResult, visitsContract } from '@zemag/contracts';
import { useMemo } from 'react';
import { useApi } from '../../api/api.context';

/** The visit list call: every line looked up with one purpose (each line audited). */
export function useVisitsApi() {
  const api = useApi();
  return useMemo(
    () => ({
      check: (request: VisitListRequest): Promise<VisitListResult> =>
        api.call(visitsContract.check, { body: request }),
    }),
    [api],
  );
}
