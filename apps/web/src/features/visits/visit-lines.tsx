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
import { groupVisitLines, highestLevel, visitLineAnchor } from './visit-order';

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

const nameOf = (c: { familyName: string; givenNames: string | null }) =>
  c.givenNames ? `${c.familyName}, ${c.givenNames}` : c.familyName;

/** The hits at a glance: one link per line with an entry, to its card further down. */
function HitOverview({ hits }: { hits: readonly ShownLine[] }) {
  const { t } = useTranslation();
  return (
    <nav className="zm-visit-overview" aria-labelledby="visit-overview-title">
      <h3 className="kern-heading-small" id="visit-overview-title">
        {t('visits.overview.title', { count: hits.length })}
      </h3>
      <ul className="zm-visit-overview__list" data-testid="visit-overview">
        {hits.map((l) => {
          const level = highestLevel(l);
          return (
            <li key={l.line} className={`zm-visit-overview__item zm-hit--${level}`}>
              <a
                className="kern-link zm-touch-link"
                href={`#${visitLineAnchor(l.line)}`}
                onClick={(event) => {
                  // To the card without touching the address (the router owns it).
                  event.preventDefault();
                  const card = document.getElementById(visitLineAnchor(l.line));
                  card?.focus({ preventScroll: true });
                  card?.scrollIntoView({ block: 'start' });
                }}
              >
                {t('visits.overview.entry', {
                  n: l.line,
                  names: (l.result?.candidates ?? []).map(nameOf).join('; '),
                })}
              </a>
              <span className="zm-visit-overview__level">
                {t('lookup.level.badge', { level, name: t(`lookup.level.name.${level}`) })}
              </span>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** One answer card per line: number, input, what it was read as, the answer or the error. */
function LineCards({ lines }: { lines: readonly ShownLine[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ol className="zm-visit-lines" data-testid="visit-lines">
      {lines.map((l) => (
        <li
          key={l.line}
          id={visitLineAnchor(l.line)}
          tabIndex={-1}
          className="zm-visit-line"
          data-testid="visit-line"
        >
          <h4 className="kern-heading-small zm-visit-line__title">
            <span className="zm-visit-line__number">{t('visits.line.number', { n: l.line })}</span>
            <span className="zm-visit-line__input">{l.input}</span>
          </h4>
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
            <LookupAnswer result={l.result} headingLevel={5} />
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/**
 * The checked list, hits first: the counts, an overview linking to each line with an entry,
 * then the cards of those lines, of the lines not looked up, and of the lines without an entry.
 */
export function VisitLines({ lines }: { lines: readonly ShownLine[] }) {
  const { t } = useTranslation();
  const groups = groupVisitLines(lines);
  const group = (key: 'hits' | 'failed' | 'none', shown: readonly ShownLine[]) =>
    shown.length > 0 ? (
      <section className="kern-stack-sm" aria-labelledby={`visit-group-${key}`}>
        <h3 className="kern-heading-small zm-visit-group" id={`visit-group-${key}`}>
          {t(`visits.group.${key}`, { count: shown.length })}
        </h3>
        <LineCards lines={shown} />
      </section>
    ) : null;
  return (
    <>
      <Summary lines={lines} />
      {groups.hits.length > 0 ? <HitOverview hits={groups.hits} /> : null}
      {group('hits', groups.hits)}
      {group('failed', groups.failed)}
      {group('none', groups.none)}
    </>
  );
}
