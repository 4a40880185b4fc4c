import type { Incident, IncidentCorrectionRequest } from '@zemag/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTranslator } from '../../i18n/use-translator';
import { Button } from '../../ui/button';
import { asApiError } from '../../ui/use-resource';
import { ReportForm } from '../incidents/report-form';
import { draftFrom } from '../incidents/report-form.model';
import { CorrectionHistory } from './correction-history';
import { ReasonField } from './correction-parts';
import {
  changesNothing,
  correctionRefusal,
  incidentCorrectionRequest,
  nothingChanged,
  reasonRefusal,
} from './incident-correction.model';

const P = 'incident-correct-';

/**
 * "Meldung berichtigen" for registrars (Art. 16): the report's own form — time, categories,
 * level, place, details and the persons involved — prefilled, with a reason; only what changed
 * is sent. The corrections with old → new below.
 */
export function IncidentCorrection({
  incident,
  canCorrect,
  onCorrect,
}: {
  incident: Incident;
  canCorrect: boolean;
  onCorrect(request: IncidentCorrectionRequest): Promise<void>;
}) {
  const { t } = useTranslation();
  const translator = useTranslator();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');

  return (
    <>
      {canCorrect ? (
        <section className="zm-panel kern-stack-md" aria-labelledby={`${P}title`}>
          <h2 className="kern-heading-medium" id={`${P}title`}>
            {t('correction.incidentOpen')}
          </h2>
          <p className="kern-body">{t('correction.incidentIntro')}</p>
          {!open ? (
            <div className="zm-actions">
              <Button
                variant="secondary"
                icon="edit"
                label={t('correction.incidentOpen')}
                onClick={() => setOpen(true)}
              />
            </div>
          ) : (
            <ReportForm
              initial={draftFrom(incident)}
              detailsOpen
              correcting
              label={t('correction.incidentOpen')}
              submitLabel={t('correction.submit')}
              busyLabel={t('admin.common.working')}
              before={(errors) => (
                <ReasonField
                  id="report-reason"
                  value={reason}
                  onChange={setReason}
                  error={errors['report-reason']}
                />
              )}
              secondary={
                <Button
                  variant="secondary"
                  label={t('admin.common.cancel')}
                  onClick={() => setOpen(false)}
                />
              }
              onSubmit={async (_input, draft) => {
                const refused = reasonRefusal(reason);
                if (refused) return refused;
                const request = incidentCorrectionRequest(incident, draft, reason);
                if (changesNothing(request)) return nothingChanged(translator);
                try {
                  await onCorrect(request);
                  return null;
                } catch (error) {
                  return correctionRefusal(asApiError(error), translator);
                }
              }}
            />
          )}
        </section>
      ) : null}
      {incident.corrections ? (
        <CorrectionHistory corrections={incident.corrections} idPrefix={P} />
      ) : null}
    </>
  );
}
