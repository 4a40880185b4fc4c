import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@zemag/contracts';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/text-field';
import type { NewPasswordValues } from './new-password.validation';

type Field = keyof NewPasswordValues;

/** What a form's `field(name)` helper gives a text field: id, value, error, change handler. */
interface FieldProps {
  id: string;
  value: string;
  error: string | undefined;
  onValueChange: (value: string) => void;
}

/** The password and its repetition, as the setup and the activation page ask for them. */
export function NewPasswordFields({
  field,
  labels,
}: {
  field: (name: Field) => FieldProps;
  labels: Record<Field, string>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        {...field('password')}
        type="password"
        label={labels.password}
        hint={t('setup.passwordHint', { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH })}
        autoComplete="new-password"
        maxLength={PASSWORD_MAX_LENGTH}
        required
      />
      <TextField
        {...field('passwordRepeat')}
        type="password"
        label={labels.passwordRepeat}
        autoComplete="new-password"
        maxLength={PASSWORD_MAX_LENGTH}
        required
      />
    </>
  );
}
