import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/text-field';
import type { Position, ReportDraft } from './report-form.model';

export type DraftUpdate = (patch: Partial<ReportDraft>) => void;
type Errors = Readonly<Record<string, string>>;

type Locating = 'idle' | 'asking' | 'failed';

/**
 * Where it happened: the phone's position (asked for only when the button is pressed, never
 * required), a short description, or an address — any one is enough.
 */
export function PlaceFields({
  draft,
  update,
  errors,
  canLocate = true,
}: {
  draft: ReportDraft;
  update: DraftUpdate;
  errors: Errors;
  /** False where the device's own position is not the place (a registrar's correction). */
  canLocate?: boolean;
}) {
  const { t } = useTranslation();
  const [locating, setLocating] = useState<Locating>('idle');
  const addressGiven = [draft.street, draft.houseNumber, draft.postalCode, draft.city].some(
    (v) => v !== '',
  );
  const addressError = ['street', 'houseNumber', 'postalCode', 'city'].some(
    (part) => errors[`report-place-address-${part}`],
  );
  const [addressOpen, setAddressOpen] = useState(addressGiven);

  function locate() {
    if (!('geolocation' in navigator)) {
      setLocating('failed');
      return;
    }
    setLocating('asking');
    navigator.geolocation.getCurrentPosition(
      (result) => {
        const position: Position = {
          latitude: result.coords.latitude,
          longitude: result.coords.longitude,
          accuracyMeters: Number.isFinite(result.coords.accuracy)
            ? Math.round(result.coords.accuracy)
            : null,
        };
        update({ position });
        setLocating('idle');
      },
      () => setLocating('failed'),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  }

  const placeError = errors['report-place-description'];
  return (
    <fieldset
      className={`kern-fieldset zm-report-group${placeError ? ' kern-fieldset--error' : ''}`}
    >
      <legend className="kern-label">{t('reports.form.place')}</legend>
      <div className="kern-hint" id="report-place-hint">
        {t('reports.form.placeHint')}
      </div>
      <div className="kern-fieldset__body">
        <div className="zm-locate" id="report-place-position" tabIndex={-1}>
          {draft.position ? (
            <>
              <p className="kern-body zm-locate__result" role="status">
                <span className="kern-icon kern-icon--success" aria-hidden="true" />
                {draft.position.accuracyMeters === null
                  ? t('reports.form.positionTaken')
                  : t('reports.form.positionTakenAccuracy', {
                      meters: draft.position.accuracyMeters,
                    })}
              </p>
              <Button
                variant="tertiary"
                icon="close"
                label={t('reports.form.positionRemove')}
                onClick={() => update({ position: null })}
              />
            </>
          ) : canLocate ? (
            <Button
              variant="secondary"
              block
              className="zm-touch"
              label={
                locating === 'asking' ? t('reports.form.locating') : t('reports.form.useLocation')
              }
              aria-disabled={locating === 'asking' || undefined}
              onClick={() => {
                if (locating !== 'asking') locate();
              }}
            />
          ) : null}
          {locating === 'failed' ? (
            <p className="kern-body kern-body--small zm-locate__failed" role="status">
              {t('reports.form.locationFailed')}
            </p>
          ) : null}
        </div>
        <TextField
          id="report-place-description"
          label={t('reports.fields.place.description')}
          hint={t('reports.form.placeDescriptionHint')}
          maxLength={300}
          autoComplete="off"
          value={draft.placeDescription}
          onValueChange={(placeDescription) => update({ placeDescription })}
          error={placeError}
        />
        <details
          className="kern-accordion zm-accordion"
          open={addressOpen || addressError}
          onToggle={(event) => setAddressOpen(event.currentTarget.open)}
        >
          <summary className="kern-accordion__header">
            <span className="kern-title">{t('reports.form.address')}</span>
          </summary>
          <div className="kern-accordion__body zm-address">
            <AddressInputs
              idPrefix="report-place-address-"
              value={draft}
              onChange={(patch) => update(patch)}
              errors={errors}
            />
          </div>
        </details>
      </div>
    </fieldset>
  );
}

export interface AddressParts {
  street: string;
  houseNumber: string;
  postalCode: string;
  city: string;
}

/** Street, house number, postal code and town; used for the place and for persons. */
export function AddressInputs({
  idPrefix,
  value,
  onChange,
  errors,
}: {
  idPrefix: string;
  value: AddressParts;
  onChange(patch: Partial<AddressParts>): void;
  errors: Errors;
}) {
  const { t } = useTranslation();
  return (
    <div className="zm-address-grid">
      <div className="zm-address-grid__street">
        <TextField
          id={`${idPrefix}street`}
          label={t('reports.fields.address.street')}
          autoComplete="off"
          maxLength={200}
          value={value.street}
          onValueChange={(street) => onChange({ street })}
          error={errors[`${idPrefix}street`]}
        />
      </div>
      <TextField
        id={`${idPrefix}houseNumber`}
        label={t('reports.fields.address.houseNumber')}
        autoComplete="off"
        maxLength={20}
        value={value.houseNumber}
        onValueChange={(houseNumber) => onChange({ houseNumber })}
        error={errors[`${idPrefix}houseNumber`]}
      />
      <TextField
        id={`${idPrefix}postalCode`}
        label={t('reports.fields.address.postalCode')}
        autoComplete="off"
        inputMode="numeric"
        maxLength={5}
        value={value.postalCode}
        onValueChange={(postalCode) => onChange({ postalCode })}
        error={errors[`${idPrefix}postalCode`]}
      />
      <div className="zm-address-grid__city">
        <TextField
          id={`${idPrefix}city`}
          label={t('reports.fields.address.city')}
          autoComplete="off"
          maxLength={100}
          value={value.city}
          onValueChange={(city) => onChange({ city })}
          error={errors[`${idPrefix}city`]}
        />
      </div>
    </div>
  );
}
