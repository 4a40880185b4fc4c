import type { Factor, FactorList, SessionInfo } from '@zemag/contracts';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api.context';
import { problemMessage } from '../../api/problem-message';
import { usePage } from '../../app/use-page';
import { useTranslator } from '../../i18n/use-translator';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Loading } from '../../ui/loading';
import { TextField } from '../../ui/text-field';
import { useSession } from '../identity/session.context';
import { AddFactor } from './add-factor';
import {
  confirmRecoveryCodes,
  listFactors,
  regenerateRecoveryCodes,
  renameFactor,
  revokeFactor,
} from './mfa.api';
import { RecoveryCodesView } from './recovery-codes.view';
import { useFailure } from './use-failure';

type View =
  | { kind: 'list' }
  | { kind: 'add' }
  | { kind: 'rename'; factor: Factor }
  | { kind: 'codes'; codes: string[] };

/** "Sicherheit": the user's sign-in factors — add, rename, revoke — and recovery codes. */
export function SecurityPage({ session }: { session: SessionInfo }) {
  const { t, i18n } = useTranslation();
  const translator = useTranslator();
  const api = useApi();
  const { signedIn } = useSession();
  const heading = usePage(t('mfa.security.title'));
  const [list, setList] = useState<FactorList | null>(null);
  const [view, setView] = useState<View>({ kind: 'list' });
  const [notice, setNotice] = useState<string | null>(null);
  const { failure, fail, clear } = useFailure();

  const load = useCallback(() => {
    listFactors(api).then(setList, fail);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- fail is stable enough
  }, [api]);
  useEffect(load, [load]);

  const date = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(iso),
    );

  async function act(run: () => Promise<void>, done: string) {
    clear();
    setNotice(null);
    try {
      await run();
      setNotice(done);
      setView({ kind: 'list' });
      load();
    } catch (error) {
      fail(error);
    }
  }

  return (
    <div className="zm-narrow kern-stack-lg">
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large" tabIndex={-1} ref={heading}>
          {t('mfa.security.title')}
        </h1>
        <p className="kern-body">
          {session.mfa.required ? t('mfa.security.introRequired') : t('mfa.security.intro')}
        </p>
      </div>
      {failure ? (
        <Alert variant="danger" title={problemMessage(failure, translator)} role="alert" />
      ) : null}
      {notice ? <Alert variant="success" title={notice} role="status" /> : null}

      {view.kind === 'add' ? (
        <section className="kern-stack-lg" aria-labelledby="add-title">
          <h2 className="kern-heading-medium" id="add-title">
            {t('mfa.security.add')}
          </h2>
          <AddFactor
            onCancel={() => setView({ kind: 'list' })}
            onEnrolled={(result) => {
              signedIn(result.session);
              if (result.recoveryCodes) setView({ kind: 'codes', codes: result.recoveryCodes });
              else void act(async () => {}, t('mfa.security.added'));
            }}
          />
        </section>
      ) : view.kind === 'codes' ? (
        <RecoveryCodesView
          codes={view.codes}
          username={session.user.username}
          continueLabel={t('mfa.codes.done')}
          onContinue={() =>
            void act(async () => {
              signedIn(await confirmRecoveryCodes(api));
            }, t('mfa.codes.keptNotice'))
          }
        />
      ) : view.kind === 'rename' ? (
        <RenameForm
          factor={view.factor}
          onCancel={() => setView({ kind: 'list' })}
          onSave={(label) =>
            act(() => renameFactor(api, view.factor.id, label), t('mfa.security.renamed'))
          }
        />
      ) : !list ? (
        <Loading />
      ) : (
        <>
          <section className="kern-stack-md" aria-labelledby="factors-title">
            <h2 className="kern-heading-medium" id="factors-title">
              {t('mfa.security.factors')}
            </h2>
            {list.factors.length === 0 ? (
              <p className="kern-body">{t('mfa.security.none')}</p>
            ) : (
              <ul className="zm-factors">
                {list.factors.map((factor) => (
                  <li key={factor.id} className="zm-factor kern-stack-xs">
                    <p className="kern-title">{factor.label}</p>
                    <p className="kern-body kern-body--small kern-body--muted">
                      {t(`mfa.kind.${factor.kind}`)} ·{' '}
                      {t('mfa.security.created', { date: date(factor.createdAt) })}
                      {factor.lastUsedAt
                        ? ` · ${t('mfa.security.lastUsed', { date: date(factor.lastUsedAt) })}`
                        : ''}
                    </p>
                    <div className="zm-actions">
                      <Button
                        variant="tertiary"
                        icon="edit"
                        label={t('mfa.security.rename')}
                        aria-label={t('mfa.security.renameNamed', { label: factor.label })}
                        onClick={() => setView({ kind: 'rename', factor })}
                      />
                      <Button
                        variant="tertiary"
                        icon="delete"
                        label={t('mfa.security.revoke')}
                        aria-label={t('mfa.security.revokeNamed', { label: factor.label })}
                        onClick={() => {
                          if (
                            window.confirm(t('mfa.security.revokeConfirm', { label: factor.label }))
                          )
                            void act(() => revokeFactor(api, factor.id), t('mfa.security.revoked'));
                        }}
                      />
                    </div>
                  </li>
                ))}
              </ul>
            )}
            <Button
              icon="add"
              label={t('mfa.security.add')}
              onClick={() => setView({ kind: 'add' })}
            />
          </section>
          {list.factors.length > 0 ? (
            <section className="kern-stack-md" aria-labelledby="codes-title">
              <h2 className="kern-heading-medium" id="codes-title">
                {t('mfa.codes.title')}
              </h2>
              <p className="kern-body">
                {t('mfa.security.codesLeft', { count: list.recoveryCodesLeft })}
              </p>
              <Button
                variant="secondary"
                icon="autorenew"
                label={t('mfa.security.regenerate')}
                onClick={() => {
                  clear();
                  regenerateRecoveryCodes(api).then(
                    ({ recoveryCodes }) => setView({ kind: 'codes', codes: recoveryCodes }),
                    fail,
                  );
                }}
              />
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}

function RenameForm({
  factor,
  onSave,
  onCancel,
}: {
  factor: Factor;
  onSave(label: string): Promise<void>;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const [label, setLabel] = useState(factor.label);
  const [missing, setMissing] = useState(false);
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (label.trim() === '') return setMissing(true);
    void onSave(label.trim());
  }
  return (
    <form className="kern-stack-lg" noValidate onSubmit={handleSubmit}>
      <TextField
        id="factor-label"
        label={t('mfa.security.labelField')}
        maxLength={60}
        required
        value={label}
        onValueChange={setLabel}
        error={missing ? t('fieldErrors.generic.required') : undefined}
      />
      <div className="zm-actions">
        <Button type="submit" label={t('mfa.security.save')} />
        <Button variant="tertiary" label={t('mfa.cancel')} onClick={onCancel} />
      </div>
    </form>
  );
}
