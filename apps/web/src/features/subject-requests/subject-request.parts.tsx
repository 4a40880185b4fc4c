import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslator } from '../../i18n/use-translator';
import { type FormFailure, formFailure } from '../../ui/form-failure';
import { asApiError } from '../../ui/use-resource';

/** One line of a description list. */
export function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="kern-description-list-item">
      <dt className="kern-description-list-item__key">{label}</dt>
      <dd className="kern-description-list-item__value">{children}</dd>
    </div>
  );
}

export { saveFile } from '../../ui/save-file';

/** A small form: fields by name, one submit, the server's errors under the fields. */
export function useStepForm<F extends string>(fields: readonly F[], prefix: string) {
  const translator = useTranslator();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<FormFailure<F> | null>(null);
  async function run(event: FormEvent<HTMLFormElement>, action: () => Promise<void>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      await action();
    } catch (error) {
      setFailure(formFailure(asApiError(error), fields, translator, { idPrefix: prefix }));
    } finally {
      setBusy(false);
    }
  }
  return { busy, failure, run };
}
