import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordsOfProcessing, RecordsSetting } from './records.api';

/** One numbered section of the record, headed in the reader's language. */
function Section({ id, number, children }: { id: string; number: number; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="zm-panel kern-stack-sm" aria-labelledby={`records-${id}`}>
      <h2 className="kern-heading-medium" id={`records-${id}`}>
        {number}. {t(`records.sections.${id}`)}
      </h2>
      {/* the record itself is the city's German text, whatever the page's language */}
      <div className="kern-stack-sm" lang="de">
        {children}
      </div>
    </section>
  );
}

/** Lines of an address or a contact, one under the other. */
function Block({ items }: { items: readonly string[] }) {
  return (
    <p className="kern-body">
      {items.map((text, i) => (
        <span key={i} className="zm-records-line">
          {text}
        </span>
      ))}
    </p>
  );
}

function Lines({ items }: { items: readonly string[] }) {
  return (
    <ul className="kern-list zm-records-list">
      {items.map((text, i) => (
        <li key={i} className="kern-body">
          {text}
        </li>
      ))}
    </ul>
  );
}

/** Periods and measures: label, value, and where the value comes from. */
function Settings({ items }: { items: readonly RecordsSetting[] }) {
  const { t } = useTranslation();
  const origin = (s: RecordsSetting) =>
    s.setting
      ? `${t('records.setting')}: ${s.setting}${
          s.isDefault === true
            ? ` (${t('records.default')})`
            : s.isDefault === false
              ? ` (${t('records.changed')})`
              : ''
        }`
      : t('records.fixed');
  return (
    <ul className="zm-records-settings" data-testid="records-settings">
      {items.map((s) => (
        <li key={s.code} data-code={s.code}>
          <span className="kern-body kern-body--bold">{s.label}</span>
          <span className="kern-body">
            {s.value}
            {s.startsFrom ? ` – ${s.startsFrom}` : ''}
          </span>
          <span className="kern-body kern-body--small kern-body--muted zm-records-origin">
            {origin(s)}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The record's sections in the order of Art. 30 (1) GDPR; their contents are the city's German text. */
export function RecordsSections({ record }: { record: RecordsOfProcessing }) {
  const { t } = useTranslation();
  const { controller, recipients } = record;
  return (
    <>
      <Section id="controller" number={1}>
        <p className="kern-body kern-body--bold">{controller.name}</p>
        <Block items={[controller.office, ...controller.address, ...controller.contact]} />
        <h3 className="kern-heading-small">{t('records.dpo')}</h3>
        <Block items={controller.dpoContact} />
        <h3 className="kern-heading-small">{t('records.authority')}</h3>
        <Block items={controller.supervisoryAuthority} />
      </Section>
      <Section id="purposes" number={2}>
        <p className="kern-body kern-body--bold">{record.processing.name}</p>
        <Lines items={record.processing.purposes} />
      </Section>
      <Section id="legalBasis" number={3}>
        {record.legalBasis.paragraphs.map((paragraph, i) => (
          <p key={i} className="kern-body">
            {paragraph}
          </p>
        ))}
      </Section>
      <Section id="persons" number={4}>
        <ul className="kern-list zm-records-list">
          {record.personCategories.map((c) => (
            <li key={c.title} className="kern-body">
              <strong>{c.title}:</strong> {c.text}
            </li>
          ))}
        </ul>
      </Section>
      <Section id="data" number={5}>
        {record.dataCategories.map((group) => (
          <div key={group.title} className="kern-stack-xs">
            <h3 className="kern-heading-small">{group.title}</h3>
            <Lines items={group.items} />
          </div>
        ))}
      </Section>
      <Section id="recipients" number={6}>
        <h3 className="kern-heading-small">{t('records.departments')}</h3>
        {recipients.departments.length === 0 ? (
          <p className="kern-body">{t('records.noDepartments')}</p>
        ) : (
          <ul className="zm-records-settings" data-testid="records-departments">
            {recipients.departments.map((d) => (
              <li key={d.code}>
                <span className="kern-body kern-body--bold">
                  {d.name} ({d.code})
                </span>
                <span className="kern-body">{d.reason ?? '—'}</span>
                <span className="kern-body kern-body--small kern-body--muted">
                  {t('records.fieldUsers', { count: d.fieldUsers })}
                </span>
              </li>
            ))}
          </ul>
        )}
        <h3 className="kern-heading-small">{t('records.roles')}</h3>
        <ul className="zm-records-settings">
          {recipients.roles.map((r) => (
            <li key={r.role}>
              <span className="kern-body kern-body--bold">{t(`roles.${r.role}`)}</span>
              <span className="kern-body">{r.access}</span>
              <span className="kern-body kern-body--small kern-body--muted">
                {t('records.holders', { count: r.holders })}
              </span>
            </li>
          ))}
        </ul>
      </Section>
      <Section id="transfers" number={7}>
        <p className="kern-body">{recipients.transfers}</p>
      </Section>
      <Section id="retention" number={8}>
        <Settings items={record.retention} />
      </Section>
      <Section id="measures" number={9}>
        <Settings items={record.measures} />
      </Section>
    </>
  );
}
