import type { Correction } from '@zemag/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { correctionLines } from './correction-values';
import { useValueLabels } from './use-value-labels';

/** A value of the history, one line per entry (an address, a name, a part of the place). */
function Lines({ lines }: { lines: readonly string[] }) {
  return lines.map((line, i) => (
    <span key={i} className="zm-change__line">
      {line}
    </span>
  ));
}

/** "Berichtigungen": who corrected what when and why, each field with old → new. */
export function CorrectionHistory({
  corrections,
  idPrefix,
}: {
  corrections: readonly Correction[];
  idPrefix: string;
}) {
  const { t, i18n } = useTranslation();
  const labels = useValueLabels();
  const titleId = `${idPrefix}corrections-title`;
  const label = (field: string) => {
    const [base = field, index] = field.split('.');
    const name = t(`correction.fields.${base}`, { defaultValue: base });
    return index !== undefined ? `${name} ${Number(index) + 1}` : name;
  };
  return (
    <section className="zm-panel kern-stack-md" aria-labelledby={titleId}>
      <h2 className="kern-heading-medium" id={titleId}>
        {t('correction.historyTitle')}
      </h2>
      {corrections.length === 0 ? (
        <p className="kern-body">{t('correction.none')}</p>
      ) : (
        <ol className="kern-list zm-correction-list">
          {corrections.map((c) => (
            <li key={c.id} className="kern-stack-sm">
              <p className="kern-body kern-body--bold">
                {t('correction.entry', {
                  at: formatDateTime(c.at, i18n.language),
                  actor: c.actor.displayName,
                })}
              </p>
              <p className="kern-body zm-pre">
                {t('correction.reason')}: {c.reason}
              </p>
              <dl className="kern-description-list">
                {correctionLines(c, labels).map((line) => (
                  <div className="kern-description-list-item" key={line.field}>
                    <dt className="kern-description-list-item__key">{label(line.field)}</dt>
                    <dd className="kern-description-list-item__value zm-change">
                      <del className="zm-change__old">
                        <span className="kern-sr-only">{t('correction.old')} </span>
                        <Lines lines={line.from} />
                      </del>
                      <span className="zm-change__arrow" aria-hidden="true">
                        →
                      </span>
                      <ins className="zm-change__new">
                        <span className="kern-sr-only">{t('correction.new')} </span>
                        <Lines lines={line.to} />
                      </ins>
                    </dd>
                  </div>
                ))}
              </dl>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
