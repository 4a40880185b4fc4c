import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../api/api-error';
import { asApiError } from '../../ui/use-resource';
import type { AuditEventPage, AuditEventView } from './audit.api';
import type { AuditFilter } from './audit-filter';

/** One call: the filter's first page (`before` null) or the page older than `before`. */
interface PageRequest {
  filter: AuditFilter;
  before: number | null;
  /** Counts up, so that "try again" asks anew for the same page. */
  attempt: number;
}

interface Loaded {
  request: PageRequest;
  /** Every event of the filter so far, newest first. */
  events: AuditEventView[];
  next: number | null;
  error: ApiError | null;
}

export interface AuditEvents {
  events: AuditEventView[];
  /** `before` for older events; null when the last was loaded. */
  next: number | null;
  /** `first`: the filter's first page is loading; `more`: older events are. */
  loading: 'first' | 'more' | null;
  error: ApiError | null;
  /** Whether the filter's first page has come (an empty result is "nothing found"). */
  loaded: boolean;
  loadMore(): void;
  retry(): void;
}

/**
 * The events for a filter, page by page ("load older"). A new filter starts again from the
 * newest (the filter must keep its identity while unchanged); an answer that comes after the
 * next request was made is dropped.
 */
export function useAuditEvents(
  filter: AuditFilter,
  load: (filter: AuditFilter, before: number | null) => Promise<AuditEventPage>,
): AuditEvents {
  const [request, setRequest] = useState<PageRequest>({ filter, before: null, attempt: 0 });
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });

  // A new filter: its first page (derived while rendering, as React advises for such state).
  const current = request.filter === filter ? request : { filter, before: null, attempt: 0 };
  if (current !== request) setRequest(current);

  useEffect(() => {
    let cancelled = false;
    loadRef.current(request.filter, request.before).then(
      (page) => {
        if (cancelled) return;
        setLoaded((previous) => ({
          request,
          events:
            request.before === null || previous?.request.filter !== request.filter
              ? page.events
              : [...previous.events, ...page.events],
          next: page.next,
          error: null,
        }));
      },
      (error: unknown) => {
        if (cancelled) return;
        setLoaded((previous) => ({
          request,
          events: previous?.request.filter === request.filter ? previous.events : [],
          next: previous?.request.filter === request.filter ? previous.next : null,
          error: asApiError(error),
        }));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [request]);

  const mine = loaded?.request.filter === current.filter ? loaded : null;
  const done = loaded?.request === current;
  const firstLoaded = mine !== null && (mine.request.before !== null || mine.error === null);
  const loading = done ? null : current.before === null ? 'first' : 'more';

  const loadMore = useCallback(() => {
    if (!mine || mine.next === null || !done) return;
    setRequest({ filter: mine.request.filter, before: mine.next, attempt: 0 });
  }, [mine, done]);
  const retry = useCallback(() => {
    setRequest((r) => ({ ...r, attempt: r.attempt + 1 }));
  }, []);

  return {
    events: loading === 'first' ? [] : (mine?.events ?? []),
    next: mine?.next ?? null,
    loading,
    error: done ? (mine?.error ?? null) : null,
    loaded: loading !== 'first' && firstLoaded,
    loadMore,
    retry,
  };
}
