import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/api-error';

export type Resource<T> =
  | { status: 'loading'; data: T | undefined }
  | { status: 'ready'; data: T }
  | { status: 'error'; error: ApiError; data: T | undefined };

/** Any failure as an ApiError (a programming error reads as an unexpected answer). */
export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError
    ? error
    : new ApiError({ status: 0, code: 'client.unexpected_response' });
}

/**
 * Loads data for a page and loads it again when `key` changes or `reload()` is called. While
 * reloading, the last data stays available (`data`), so lists do not flash empty.
 */
export function useResource<T>(load: () => Promise<T>, key: string): [Resource<T>, () => void] {
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<{ token: string; value: Resource<T> } | null>(null);
  const [last, setLast] = useState<T | undefined>(undefined);
  const loadRef = useRef(load);
  const token = `${attempt}:${key}`;

  useEffect(() => {
    loadRef.current = load;
  });

  useEffect(() => {
    let cancelled = false;
    loadRef.current().then(
      (data) => {
        if (cancelled) return;
        setLast(data);
        setResult({ token, value: { status: 'ready', data } });
      },
      (error: unknown) => {
        if (!cancelled)
          setResult({
            token,
            value: { status: 'error', error: asApiError(error), data: undefined },
          });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [token]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const value: Resource<T> =
    result?.token === token
      ? result.value.status === 'error'
        ? { ...result.value, data: last }
        : result.value
      : { status: 'loading', data: last };
  return [value, reload];
}
