import { useState } from 'react';
import { ApiError } from '../../api/api-error';

/** The last failure of an action as an ApiError (a cancelled passkey prompt included). */
export function useFailure() {
  const [failure, setFailure] = useState<ApiError | null>(null);
  return {
    failure,
    clear: () => setFailure(null),
    fail(error: unknown) {
      if (error instanceof ApiError) setFailure(error);
      else if (
        error instanceof Error &&
        /NotAllowed|abort|cancel/i.test(`${error.name} ${error.message}`)
      )
        setFailure(new ApiError({ status: 0, code: 'mfa.passkey_failed' }));
      else setFailure(new ApiError({ status: 0, code: 'client.unexpected_response' }));
    },
  };
}
