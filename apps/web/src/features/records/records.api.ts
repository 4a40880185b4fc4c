import { recordsContract as records, recordsFileName } from '@zemag/contracts';
import { useMemo } from 'react';
import { type ApiClient, toApiError } from '../../api/api-client';
import { useApi } from '../../api/api.context';
import { ApiError } from '../../api/api-error';

export type { RecordsOfProcessing, RecordsSetting } from '@zemag/contracts';

/** The Markdown file with the name the server gives it (the city's date). */
export async function fetchRecordsMarkdown(
  fetchImpl: typeof fetch = fetch,
): Promise<{ blob: Blob; fileName: string }> {
  let response: Response;
  try {
    response = await fetchImpl(records.markdown.path, {
      method: records.markdown.method,
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { accept: 'text/markdown' },
    });
  } catch {
    throw new ApiError({ status: 0, code: 'client.network' });
  }
  if (!response.ok) throw await toApiError(response);
  const named = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '');
  const today = new Date().toISOString().slice(0, 10);
  return { blob: await response.blob(), fileName: named?.[1] ?? recordsFileName(today) };
}

/** The record of processing activities, by its contract in packages/contracts. */
export function recordsApi(api: ApiClient) {
  return {
    read: () => api.call(records.read),
    exportMarkdown: () => fetchRecordsMarkdown(),
  };
}

export function useRecordsApi() {
  const api = useApi();
  return useMemo(() => recordsApi(api), [api]);
}
