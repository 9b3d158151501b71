import { fiscalYearLabel } from '@kenshu/domain';
import { useState } from 'react';
import { Button } from '../../../components/button.tsx';
import { ConfirmDialog } from '../../../components/dialog.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { tokyoTime } from '../../../lib/dates.ts';
import { useLanguage, useTranslation } from '../../../lib/i18n.ts';
import { useReminderSettings, useRunRemindersNow, type ReminderRunNow } from '../api/reminders.ts';
import { saveErrorText } from './error-text.ts';

/**
 * "Run today's reminders now" (admins): the scheduled run itself, by the same rules, after a
 * confirmation; then what it did, and whom it could not e-mail.
 */
export function RunRemindersNow() {
  const { t } = useTranslation();
  const settings = useReminderSettings();
  const run = useRunRemindersNow();
  const [confirming, setConfirming] = useState(false);
  const effective = settings.data?.effective;
  const busy =
    isApiError(run.error) &&
    run.error.code === 'CONFLICT' &&
    run.error.details?.['reason'] === 'reminder_run_in_progress';
  const error = run.isError
    ? busy
      ? t('reminders.runNow.busy')
      : saveErrorText(run.error, t)
    : undefined;
  return (
    <div className="run-reminders-now">
      <p className="muted" id="run-reminders-now-help">
        {effective
          ? t('reminders.runNow.help', {
              from: effective.hours.from,
              until: effective.hours.until,
              capDays: effective.capDays,
            })
          : null}
      </p>
      <Button
        variant="primary"
        aria-describedby="run-reminders-now-help"
        onPress={() => {
          run.reset();
          setConfirming(true);
        }}
      >
        {t('reminders.runNow.button')}
      </Button>
      <ConfirmDialog
        isOpen={confirming}
        onOpenChange={setConfirming}
        title={t('reminders.runNow.confirmTitle')}
        confirmLabel={t('reminders.runNow.confirm')}
        cancelLabel={t('reminders.runNow.cancel')}
        isPending={run.isPending}
        error={error}
        onConfirm={() => run.mutate(undefined, { onSuccess: () => setConfirming(false) })}
      >
        <p>{t('reminders.runNow.confirmBody')}</p>
      </ConfirmDialog>
      {run.data ? <RunOutcome result={run.data} /> : null}
      {!confirming && error ? (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function RunOutcome({ result }: { result: ReminderRunNow }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { run } = result;
  return (
    <div role="status" aria-label={t('reminders.runNow.resultLabel')} className="run-outcome">
      <p className={result.outcome === 'ran' ? 'alert alert--success' : 'alert'}>
        {result.outcome === 'not_working_day_or_hours'
          ? t('reminders.runNow.outsideHours', {
              day: result.day,
              from: result.hours.from,
              until: result.hours.until,
            })
          : result.outcome === 'already_ran'
            ? t('reminders.runNow.alreadyRan', {
                day: result.day,
                time: run ? tokyoTime(run.ranAt, lang) : '',
              })
            : t('reminders.runNow.ran', { day: result.day })}
      </p>
      {run ? (
        <>
          <p>
            {t('reminders.runNow.figures', {
              year: fiscalYearLabel(run.fiscalYear, lang),
              digests: run.digests,
              escalations: run.escalations,
              capped: run.capped,
            })}
          </p>
          {run.nobodyToTell > 0 ? (
            <p className="alert alert--warning">
              {t('reminders.settings.nobodyToTell', { count: run.nobodyToTell })}
            </p>
          ) : null}
          {run.noAddress > 0 ? (
            <>
              <p className="alert alert--warning">
                {t('reminders.settings.noAddress', { count: run.noAddress })}
              </p>
              <ul aria-label={t('reminders.runNow.noAddressList')}>
                {result.noAddress.map((p) => (
                  <li key={p.staffId}>
                    {p.name}({p.staffNumber})
                  </li>
                ))}
              </ul>
              {run.noAddress > result.noAddress.length ? (
                <p className="muted">
                  {t('reminders.runNow.more', { count: run.noAddress - result.noAddress.length })}
                </p>
              ) : null}
            </>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
