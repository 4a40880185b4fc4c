import { useMemo } from 'react';
import { useApi } from '../../api/api.context';
import { type AdminApi, adminApi } from './admin.api';

/** The administration calls on the app's API client. */
export function useAdminApi(): AdminApi {
  const api = useApi();
  return useMemo(() => adminApi(api), [api]);
}
