import { fiscalYearLabel } from '@kenshu/domain';
import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/button.tsx';
import { CheckboxField, TextField } from '../../../components/form-fields.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { useLanguage, useTranslation } from '../../../lib/i18n.ts';
import { useReminderSettings, useSaveReminderSettings } from '../api/reminders.ts';
import { SaveOutcome } from './save-outcome.tsx';

type Settings = NonNullable<ReturnType<typeof useReminderSettings>['data']>;

/** The per-person cap and the hours reminders go out in (admins). */
export function ReminderSettingsSection() {
  const settings = useReminderSettings();
  return (
    <QueryState query={settings}>{(data) => <ReminderSettingsForm settings={data} />}</QueryState>
  );
}

function ReminderSettingsForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const save = useSaveReminderSettings();
  const [useConfig, setUseConfig] = useState(settings.capDays === null && settings.hours === null);
  const [capDays, setCapDays] = useState(String(settings.effective.capDays));
  const [from, setFrom] = useState(settings.effective.hours.from);
  const [until, setUntil] = useState(settings.effective.hours.until);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      useConfig
        ? { capDays: null, hours: null }
        : { capDays: Number(capDays), hours: { from, until } },
    );
  };
  const run = settings.lastRun;
  return (
    <form
      className="admin-form"
      onSubmit={submit}
      noValidate
      aria-label={t('reminders.settings.heading')}
    >
      <div role="status" aria-label={t('reminders.settings.lastRunLabel')}>
        <p className="muted">
          {run
            ? t('reminders.settings.lastRun', {
                day: run.day,
                year: fiscalYearLabel(run.fiscalYear, lang),
                digests: run.digests,
                escalations: run.escalations,
                capped: run.capped,
              })
            : t('reminders.settings.neverRun')}
        </p>
        {run && run.nobodyToTell > 0 ? (
          <p className="alert alert--warning">
            {t('reminders.settings.nobodyToTell', { count: run.nobodyToTell })}
          </p>
        ) : null}
        {run && run.noAddress > 0 ? (
          <p className="alert alert--warning">
            {t('reminders.settings.noAddress', { count: run.noAddress })}
          </p>
        ) : null}
      </div>
      <SaveOutcome save={save} savedText={t('reminders.settings.saved')} />
      <CheckboxField isSelected={useConfig} onChange={setUseConfig}>
        {t('reminders.settings.useConfig', {
          capDays: settings.effective.capDays,
          from: settings.effective.hours.from,
          until: settings.effective.hours.until,
        })}
      </CheckboxField>
      {!useConfig && (
        <div className="form-row">
          <TextField
            label={t('reminders.settings.capDays')}
            description={t('reminders.settings.capDaysDescription')}
            value={capDays}
            onChange={setCapDays}
            inputMode="numeric"
          />
          <TextField label={t('reminders.settings.hoursFrom')} value={from} onChange={setFrom} />
          <TextField label={t('reminders.settings.hoursUntil')} value={until} onChange={setUntil} />
        </div>
      )}
      <div className="form-actions">
        <Button type="submit" variant="primary" isDisabled={save.isPending}>
          {t('reminders.settings.save')}
        </Button>
      </div>
    </form>
  );
}
