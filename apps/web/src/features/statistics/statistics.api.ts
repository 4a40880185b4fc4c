import { statisticsContract as statistics, type StatisticsQuery } from '@zemag/contracts';
import { useMemo } from 'react';
import { type ApiClient, toApiError } from '../../api/api-client';
import { useApi } from '../../api/api.context';
import { ApiError } from '../../api/api-error';

export type { StatisticsReport } from '@zemag/contracts';

/** The period as the address's query (the months only: no personal data). */
function search(period: StatisticsQuery): string {
  const query = new URLSearchParams();
  if (period.from) query.set('from', period.from);
  if (period.to) query.set('to', period.to);
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** The statistics as the CSV file, fetched so that a refusal shows on the page. */
export async function fetchStatisticsCsv(
  period: StatisticsQuery,
  fetchImpl: typeof fetch = fetch,
): Promise<{ blob: Blob; fileName: string }> {
  let response: Response;
  try {
    response = await fetchImpl(`${statistics.csv.path}${search(period)}`, {
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { accept: 'text/csv' },
    });
  } catch {
    throw new ApiError({ status: 0, code: 'client.network' });
  }
  if (!response.ok) throw await toApiError(response);
  const named = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '');
  return { blob: await response.blob(), fileName: named?.[1] ?? 'Statistik.csv' };
}

/** The statistics calls, by their contracts in packages/contracts. */
export function statisticsApi(api: ApiClient) {
  return {
    report: (period: StatisticsQuery) => api.call(statistics.report, { query: period }),
    exportCsv: (period: StatisticsQuery) => fetchStatisticsCsv(period),
  };
}

export function useStatisticsApi() {
  const api = useApi();
  return useMemo(() => statisticsApi(api), [api]);
}
