import type {
  FieldLookupCandidate,
  LocalizedText,
  RegistrarLookupCandidate,
  VisitListLine,
} from '@zemag/contracts';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/alert';
import { queryLine } from '../lookup/query-line';
import { LookupAnswer, localText } from '../lookup/lookup-result';

/** One line as shown: a fresh answer (full for registrars) or the copy kept on the phone. */
export interface ShownLine {
  line: number;
  input: string;
  query: VisitListLine['query'];
  error: VisitListLine['error'];
  result: {
    notice: LocalizedText;
    candidates: readonly (FieldLookupCandidate | RegistrarLookupCandidate)[];
  } | null;
}

/** "12 Zeilen · 3 mit Treffer · 1 nicht gelesen". */
function Summary({ lines }: { lines: readonly ShownLine[] }) {
  const { t } = useTranslation();
  const hits = lines.filter((l) => (l.result?.candidates.length ?? 0) > 0).length;
  const failed = lines.filter((l) => l.error !== null).length;
  return (
    <p className="kern-body zm-visit-summary" data-testid="visit-summary">
      {[
        t('visits.result.lines', { count: lines.length }),
        t('visits.result.hits', { count: hits }),
        ...(failed > 0 ? [t('visits.result.failed', { count: failed })] : []),
      ].join(' · ')}
    </p>
  );
}

/** One answer card per line: number, input, what it was read as, the answer or the error. */
export function VisitLines({ lines }: { lines: readonly ShownLine[] }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <Summary lines={lines} />
      <ol className="zm-visit-lines" data-testid="visit-lines">
        {lines.map((l) => (
          <li key={l.line} className="zm-visit-line" data-testid="visit-line">
            <h3 className="kern-heading-small zm-visit-line__title">
              <span className="zm-visit-line__number">
                {t('visits.line.number', { n: l.line })}
              </span>
              <span className="zm-visit-line__input">{l.input}</span>
            </h3>
            {l.query ? (
              <p className="kern-body zm-visit-line__read">
                {t('visits.line.readAs', { query: queryLine(l.query, i18n.language) })}
              </p>
            ) : null}
            {l.error ? (
              <Alert variant="danger" title={t('visits.line.notLookedUp')}>
                <p className="kern-body">{localText(l.error.message, i18n.language)}</p>
              </Alert>
            ) : l.result ? (
              <LookupAnswer result={l.result} headingLevel={4} />
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}
