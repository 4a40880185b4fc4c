import type { LookupRequest, LookupResult } from '@zemag/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/app-link';
import { usePage } from '../../app/use-page';
import { problemMessage } from '../../api/problem-message';
import { useTranslator } from '../../i18n/use-translator';
import { Alert } from '../../ui/alert';
import { asApiError, useResource } from '../../ui/use-resource';
import { LookupForm } from './lookup-form';
import { failureOf } from './lookup-form.model';
import { LookupAnswer } from './lookup-result';
import { useLookupApi } from './lookup.api';
import { queryLine } from './query-line';
import './lookup.css';

/**
 * "Person oder Adresse abfragen": the form, and the answer beside it (desk) or below it
 * (phone). The answer lives only in this page's memory: nothing is stored or put in the URL.
 */
export function LookupPage() {
  const { t, i18n } = useTranslation();
  const translator = useTranslator();
  const heading = usePage(t('lookup.title'));
  const api = useLookupApi();
  const [reasons] = useResource(() => api.reasons(), 'reasons');
  const [answer, setAnswer] = useState<{
    asked: string;
    result: LookupResult;
    round: number;
  } | null>(null);
  const answerHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!answer) return;
    // The answer's heading at the top of the screen (on a phone it is below the form).
    answerHeading.current?.focus({ preventScroll: true });
    answerHeading.current?.scrollIntoView({ block: 'start' });
  }, [answer]);

  async function lookup(request: LookupRequest) {
    try {
      const result = await api.lookup(request);
      setAnswer((last) => ({
        asked: queryLine(request, i18n.language),
        result,
        round: (last?.round ?? 0) + 1,
      }));
      return null;
    } catch (error) {
      setAnswer(null);
      return failureOf(asApiError(error), translator);
    }
  }

  return (
    <div className="zm-lookup kern-stack-lg">
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large" tabIndex={-1} ref={heading}>
          {t('lookup.title')}
        </h1>
        <p className="kern-body">{t('lookup.intro')}</p>
        <p className="kern-body">
          <AppLink href="/visits" className="kern-link zm-touch-link">
            {t('lookup.visitsLink')}
          </AppLink>
        </p>
      </div>
      {reasons.status === 'error' ? (
        <Alert variant="danger" title={problemMessage(reasons.error, translator)} role="alert" />
      ) : null}
      <div className="zm-lookup__layout">
        <LookupForm reasons={reasons.data} onSubmit={lookup} onClear={() => setAnswer(null)} />
        <section className="zm-lookup__answer kern-stack-md" aria-labelledby="lookup-answer-title">
          <h2
            className="kern-heading-medium"
            id="lookup-answer-title"
            tabIndex={-1}
            ref={answerHeading}
          >
            {t('lookup.result.title')}
          </h2>
          {answer ? (
            <>
              <p className="kern-body zm-lookup__asked" key={answer.round}>
                {t('lookup.result.asked', { query: answer.asked })}
              </p>
              <LookupAnswer result={answer.result} />
            </>
          ) : (
            <p className="kern-body kern-body--muted">{t('lookup.result.empty')}</p>
          )}
        </section>
      </div>
    </div>
  );
}
