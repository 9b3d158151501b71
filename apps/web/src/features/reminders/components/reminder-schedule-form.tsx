import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../lib/i18n.ts';
import { Button } from '../../../components/button.tsx';
import { CheckboxField, TextField } from '../../../components/form-fields.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import {
  useReminderSchedule,
  useSaveReminderSchedule,
  type ReminderSchedule,
} from '../api/reminders.ts';
import { SaveOutcome } from './save-outcome.tsx';

/** A course's reminder schedule, edited beside the course itself (admins). */
export function ReminderScheduleSection({ courseId }: { courseId: number }) {
  const schedule = useReminderSchedule(courseId);
  return (
    <QueryState query={schedule}>
      {(data) => <ReminderScheduleForm key={courseId} courseId={courseId} schedule={data} />}
    </QueryState>
  );
}

function parseDays(text: string): number[] | null {
  const parts = text
    .split(/[,、\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const days = parts.map(Number);
  return days.every((d) => Number.isInteger(d) && d >= 1 && d <= 365) && days.length <= 10
    ? days
    : null;
}

function ReminderScheduleForm({
  courseId,
  schedule,
}: {
  courseId: number;
  schedule: ReminderSchedule;
}) {
  const { t } = useTranslation();
  const save = useSaveReminderSchedule(courseId);
  const [enabled, setEnabled] = useState(schedule.enabled);
  const [daysBefore, setDaysBefore] = useState(schedule.daysBefore.join(', '));
  const [onDueDate, setOnDueDate] = useState(schedule.onDueDate);
  const [every, setEvery] = useState(String(schedule.overdueEveryDays));
  const [escalateAfter, setEscalateAfter] = useState(String(schedule.escalateAfter));
  const [officerAfter, setOfficerAfter] = useState(String(schedule.officerAfter));
  const days = parseDays(daysBefore);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!days) return;
    save.mutate({
      enabled,
      daysBefore: days,
      onDueDate,
      overdueEveryDays: Number(every),
      escalateAfter: Number(escalateAfter),
      officerAfter: Number(officerAfter),
    });
  };
  return (
    <form
      className="admin-form"
      onSubmit={submit}
      noValidate
      aria-label={t('reminders.schedule.heading')}
    >
      <p className="field__description">{t('reminders.schedule.description')}</p>
      {!schedule.custom && <p className="muted">{t('reminders.schedule.defaults')}</p>}
      <SaveOutcome save={save} savedText={t('reminders.schedule.saved')} />
      <CheckboxField isSelected={enabled} onChange={setEnabled}>
        {t('reminders.schedule.enabled')}
      </CheckboxField>
      <TextField
        label={t('reminders.schedule.daysBefore')}
        value={daysBefore}
        onChange={setDaysBefore}
        errorMessage={days ? undefined : t('reminders.schedule.invalidDays')}
      />
      <CheckboxField isSelected={onDueDate} onChange={setOnDueDate}>
        {t('reminders.schedule.onDueDate')}
      </CheckboxField>
      <div className="form-row">
        <TextField
          label={t('reminders.schedule.overdueEveryDays')}
          value={every}
          onChange={setEvery}
          inputMode="numeric"
        />
        <TextField
          label={t('reminders.schedule.escalateAfter')}
          value={escalateAfter}
          onChange={setEscalateAfter}
          inputMode="numeric"
        />
        <TextField
          label={t('reminders.schedule.officerAfter')}
          value={officerAfter}
          onChange={setOfficerAfter}
          inputMode="numeric"
        />
      </div>
      <div className="form-actions">
        <Button type="submit" variant="primary" isDisabled={save.isPending || !days}>
          {t('reminders.schedule.save')}
        </Button>
      </div>
    </form>
  );
}
