import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../api/problem-message';
import { AppLink } from '../../app/app-link';
import { usePage } from '../../app/use-page';
import { useTranslator } from '../../i18n/use-translator';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Loading } from '../../ui/loading';
import { SelectField } from '../../ui/select-field';
import { asApiError, useResource } from '../../ui/use-resource';
import type { ApiError } from '../../api/api-error';
import { FindingCard } from './finding-card';
import { type FindingStatus, type FindingView, useFindingsApi } from './findings.api';
import './audit.css';

interface Listed {
  status: FindingStatus;
  findings: FindingView[];
  openCount: number;
  next: string | null;
}

/**
 * The anomaly findings the data protection officer works through: open ones first, each with
 * its look-ups and a review note; the rules in effect with their plain explanations below.
 */
export function FindingsPage() {
  const { t, i18n } = useTranslation();
  const translator = useTranslator();
  const api = useFindingsApi();
  const heading = usePage(t('audit.findings.title'));
  const listHeading = useRef<HTMLHeadingElement>(null);
  const [status, setStatus] = useState<FindingStatus>('open');
  const [attempt, setAttempt] = useState(0);
  // the first page of the chosen status; a later answer for an older choice is dropped
  const token = `${status}:${attempt}`;
  const [data, setData] = useState<{
    token: string;
    listed: Listed | null;
    error: ApiError | null;
  } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<ApiError | null>(null);
  const [rules] = useResource(() => api.rules(), 'rules');
  const language = i18n.language === 'en' ? 'en' : 'de';

  useEffect(() => {
    let cancelled = false;
    api.findings(status, null).then(
      (page) => {
        if (!cancelled) setData({ token, listed: { status, ...page }, error: null });
      },
      (failure: unknown) => {
        if (!cancelled) setData({ token, listed: null, error: asApiError(failure) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api, status, token]);

  const reload = useCallback(() => {
    setMoreError(null);
    setAttempt((n) => n + 1);
  }, []);
  const current = data?.token === token ? data : null;
  const listed = current?.listed ?? null;
  const loading: 'first' | 'more' | null = current === null ? 'first' : loadingMore ? 'more' : null;
  const error = current?.error ?? moreError;
  const setListed = (update: (listed: Listed) => Listed) =>
    setData((previous) =>
      previous?.listed ? { ...previous, listed: update(previous.listed) } : previous,
    );

  async function loadMore() {
    if (!listed?.next || loading) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await api.findings(listed.status, listed.next);
      setListed((shown) => ({
        ...shown,
        findings: [...shown.findings, ...page.findings],
        openCount: page.openCount,
        next: page.next,
      }));
    } catch (failure) {
      setMoreError(asApiError(failure));
    } finally {
      setLoadingMore(false);
    }
  }

  async function review(finding: FindingView, note: string) {
    try {
      const reviewed = await api.review(finding.id, note);
      setListed((shown) => ({
        ...shown,
        openCount: Math.max(0, shown.openCount - 1),
        findings: shown.findings.map((f) => (f.id === reviewed.id ? reviewed : f)),
      }));
    } catch (failure) {
      // someone else reviewed it meanwhile: show the list as it is now
      if (asApiError(failure).code === 'anomaly.already_reviewed') reload();
      throw failure;
    }
  }

  const ruleOf = (code: string) => rules.data?.rules.find((r) => r.code === code);
  const findings = listed?.findings ?? [];
  return (
    <div className="zm-audit kern-stack-lg">
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large" tabIndex={-1} ref={heading}>
          {t('audit.findings.title')}
        </h1>
        <p className="kern-body">{t('audit.findings.intro')}</p>
        <p className="kern-body">
          <AppLink className="kern-link" href="/audit">
            {t('audit.findings.toLog')}
          </AppLink>
        </p>
      </div>
      <section className="kern-stack-md" aria-labelledby="findings-list-title">
        <div className="zm-audit-head">
          <h2
            className="kern-heading-medium"
            id="findings-list-title"
            tabIndex={-1}
            ref={listHeading}
          >
            {t('audit.findings.listTitle')}
          </h2>
          <SelectField
            id="findings-status"
            label={t('audit.findings.show')}
            value={status}
            options={(['open', 'reviewed', 'all'] as const).map((value) => ({
              value,
              label: t(`audit.findings.filter.${value}`),
            }))}
            onValueChange={(value) => setStatus(value as FindingStatus)}
          />
        </div>
        <p className="kern-body" role="status" data-testid="findings-count">
          {listed ? t('audit.findings.openCount', { count: listed.openCount }) : ''}
        </p>
        {loading === 'first' ? <Loading /> : null}
        {error ? (
          <Alert variant="danger" title={problemMessage(error, translator)} role="alert">
            <Button variant="secondary" label={t('app.retry')} onClick={reload} />
          </Alert>
        ) : null}
        {listed && loading !== 'first' && findings.length === 0 && !error ? (
          <p className="kern-body zm-empty">{t(`audit.findings.empty.${listed.status}`)}</p>
        ) : null}
        {loading !== 'first'
          ? findings.map((finding) => (
              <FindingCard
                key={finding.id}
                finding={finding}
                rule={ruleOf(finding.rule)}
                loadEvents={async () => {
                  const end = new Date(new Date(finding.windowEnd).getTime() + 1000);
                  const page = await api.events(
                    finding.user.id,
                    finding.windowStart,
                    end.toISOString(),
                  );
                  return page.events;
                }}
                onReview={(note) => review(finding, note)}
              />
            ))
          : null}
        {listed?.next && loading !== 'first' ? (
          <div className="zm-actions">
            <Button
              variant="secondary"
              label={
                loading === 'more' ? t('audit.findings.loadingMore') : t('audit.findings.more')
              }
              aria-disabled={loading === 'more' || undefined}
              onClick={() => void loadMore()}
            />
          </div>
        ) : null}
      </section>
      <section className="zm-panel kern-stack-sm" aria-labelledby="findings-rules-title">
        <h2 className="kern-heading-medium" id="findings-rules-title">
          {t('audit.findings.rulesTitle')}
        </h2>
        {rules.data ? (
          <>
            <p className="kern-body">
              {t('audit.findings.rulesIntro', { minutes: rules.data.scanMinutes })}
            </p>
            <dl className="zm-finding-rules">
              {rules.data.rules.map((rule) => (
                <div key={rule.code}>
                  <dt>
                    {rule.name[language]}
                    {rule.enabled ? '' : ` (${t('audit.findings.ruleOff')})`}
                  </dt>
                  <dd>{rule.explanation[language]}</dd>
                </div>
              ))}
            </dl>
          </>
        ) : rules.status === 'error' ? (
          <p className="kern-body">{problemMessage(rules.error, translator)}</p>
        ) : (
          <Loading />
        )}
      </section>
    </div>
  );
}
