import type { ActivationLink } from '@zemag/contracts';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';
import { formatDateTime } from '../../ui/format';

/**
 * The one-time activation link, shown once to the administrator who hands it over. The
 * employee sets their own password with it; the administrator never learns it.
 */
export function ActivationLinkPanel({ link, name }: { link: ActivationLink; name: string }) {
  const { t, i18n } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'copied' | 'select' | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied('copied');
    } catch {
      // No clipboard (e.g. not a secure context): select the text for Ctrl+C instead.
      input.current?.focus();
      input.current?.select();
      setCopied('select');
    }
  }

  return (
    <section
      className="zm-panel zm-activation-link kern-stack-md"
      aria-labelledby="activation-link-title"
    >
      <h2 className="kern-heading-medium" id="activation-link-title">
        {t('admin.activation.linkTitle', { name })}
      </h2>
      <p className="kern-body">{t('admin.activation.linkOnce')}</p>
      <div className="kern-form-input">
        <label className="kern-label" htmlFor="activation-link-url">
          {t('admin.activation.linkLabel')}
        </label>
        <div className="kern-hint" id="activation-link-url-hint">
          {t('admin.activation.expires', {
            date: formatDateTime(link.expiresAt, i18n.language),
          })}
        </div>
        <input
          ref={input}
          id="activation-link-url"
          className="kern-form-input__input zm-activation-link__url"
          readOnly
          value={link.url}
          aria-describedby="activation-link-url-hint"
          onFocus={(event) => event.currentTarget.select()}
        />
      </div>
      <div className="zm-actions">
        <Button
          icon="content-copy"
          label={t('admin.activation.copy')}
          onClick={() => void copy()}
        />
      </div>
      <p className="kern-body" role="status">
        {copied === 'copied'
          ? t('admin.activation.copied')
          : copied === 'select'
            ? t('admin.activation.selectToCopy')
            : ''}
      </p>
      <h3 className="kern-heading-small">{t('admin.activation.nextTitle')}</h3>
      <ol className="kern-list kern-list--number">
        <li>{t('admin.activation.nextHandOver', { name })}</li>
        <li>{t('admin.activation.nextActivate')}</li>
        <li>{t('admin.activation.nextRoles')}</li>
      </ol>
    </section>
  );
}
