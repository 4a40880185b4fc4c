import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';
import { TextareaField } from '../../ui/textarea-field';

/** "Grund der Berichtigung": what was wrong and what shows it (Art. 16), for every correction. */
export function ReasonField({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: string;
  onChange(value: string): void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <TextareaField
      id={id}
      label={t('correction.fields.reason')}
      hint={t('correction.reasonHint')}
      value={value}
      onValueChange={onChange}
      error={error}
      maxLength={2000}
    />
  );
}

/**
 * A list the correction edits as a whole (aliases, addresses): each entry a named group with
 * its own remove button, and a button to add one.
 */
export function EditableList<T>({
  items,
  itemLabel,
  addLabel,
  renderItem,
  onAdd,
  onRemove,
}: {
  items: readonly T[];
  /** "Name 2": the group's accessible name and the remove button's object. */
  itemLabel(index: number): string;
  addLabel: string;
  renderItem(item: T, index: number): ReactNode;
  onAdd(): void;
  onRemove(index: number): void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {items.map((item, i) => (
        <div className="zm-form-grid" key={i} role="group" aria-label={itemLabel(i)}>
          {renderItem(item, i)}
          <div className="zm-actions">
            <Button
              variant="secondary"
              label={t('correction.remove', { what: itemLabel(i) })}
              onClick={() => onRemove(i)}
            />
          </div>
        </div>
      ))}
      <div className="zm-actions">
        <Button variant="secondary" icon="add" label={addLabel} onClick={onAdd} />
      </div>
    </>
  );
}
