import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { browserVisitStore } from '../visits/visit-store.browser';
import { browserOutbox } from './outbox.browser';

/**
 * Sign-out deletes the outbox and its key from the device. With unsent reports it asks first:
 * try to send them, delete them and sign out, or stay.
 */
export function useOutboxSignOut({
  signOut,
  ownerId,
  onFailed,
}: {
  signOut: () => Promise<void>;
  /** The signed-in user, whose reports "send now" sends. */
  ownerId: string | null;
  onFailed(): void;
}) {
  const { t } = useTranslation();
  const [unsent, setUnsent] = useState(0);
  const [sending, setSending] = useState(false);

  async function wipeAndSignOut() {
    // The visit list kept for offline use goes with the outbox.
    await Promise.all([browserOutbox().wipe(), browserVisitStore().wipe()]);
    await signOut();
  }

  /** Signs out at once, or opens the question when reports would be lost. */
  async function request(): Promise<void> {
    const count = await browserOutbox()
      .countAll()
      .catch(() => 0);
    if (count > 0) {
      setUnsent(count);
      return;
    }
    await wipeAndSignOut();
  }

  async function trySend() {
    if (sending || !ownerId) return;
    setSending(true);
    try {
      await browserOutbox().flush(ownerId);
      const left = await browserOutbox().countAll();
      setUnsent(left);
      if (left === 0) await wipeAndSignOut();
    } catch {
      onFailed();
    } finally {
      setSending(false);
    }
  }

  const dialog = (
    <Dialog
      open={unsent > 0}
      title={t('reports.signOut.title')}
      closeLabel={t('reports.dialogClose')}
      onClose={() => setUnsent(0)}
      footer={
        <div className="zm-actions">
          {ownerId ? (
            <Button
              label={sending ? t('reports.outbox.sending') : t('reports.signOut.send')}
              aria-disabled={sending || undefined}
              onClick={() => void trySend()}
            />
          ) : null}
          <Button
            variant="secondary"
            label={t('reports.signOut.discard')}
            onClick={() => {
              setUnsent(0);
              wipeAndSignOut().catch(onFailed);
            }}
          />
          <Button
            variant="tertiary"
            label={t('reports.signOut.stay')}
            onClick={() => setUnsent(0)}
          />
        </div>
      }
    >
      <p className="kern-body">{t('reports.signOut.text', { count: unsent })}</p>
    </Dialog>
  );

  return { request, dialog };
}
