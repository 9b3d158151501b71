import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../../lib/i18n.ts';
import { Button } from '../../../../components/button.tsx';
import { TextField } from '../../../../components/form-fields.tsx';
import { Select } from '../../../../components/select.tsx';
import { useCreateSession } from '../../api/schedule.ts';
import { useErrorMessage } from '../../utils/error-message.ts';
import {
  cutoffInstant,
  FormError,
  newSessionDetails,
  parseWhole,
  SessionDetailsFields,
  sessionDetailsInput,
  SessionTimeFields,
  tokyoInstant,
} from './form-parts.tsx';
import { ScheduleWarnings, typedSlot } from './schedule-warnings.tsx';
import '../sessions.css';

export interface CourseOption {
  id: number;
  label: string;
}

/**
 * Schedules one session; the booking cut-off defaults to 17:00 the working day before. Warnings
 * (weekend, holiday, a clash in the venue) show as the time is typed but never stop the save. A
 * time in the past records a session that already took place, with a reason.
 */
export function SessionForm({
  courses,
  onCreated,
}: {
  courses: readonly CourseOption[];
  onCreated: (sessionId: number) => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const create = useCreateSession();
  const [courseId, setCourseId] = useState(courses[0]?.id ?? 0);
  const [time, setTime] = useState({ date: '', start: '10:00', end: '11:30' });
  const [details, setDetails] = useState(() => newSessionDetails('30'));
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [recordedReason, setRecordedReason] = useState('');
  const past =
    /^\d{4}-\d{2}-\d{2}$/.test(time.date) &&
    /^\d{2}:\d{2}$/.test(time.start) &&
    new Date(tokyoInstant(time.date, time.start)) < new Date();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const seats = parseWhole(details.capacity);
    const { date, start, end } = time;
    if (!date || !start || !end || seats === undefined || seats < 1) {
      setProblem(t('sessions.form.incomplete'));
      return;
    }
    if (past && recordedReason.trim() === '') {
      setProblem(t('scheduling.recordedReasonMissing'));
      return;
    }
    setProblem(undefined);
    create.mutate(
      {
        courseId,
        startsAt: tokyoInstant(date, start),
        endsAt: tokyoInstant(date, end),
        ...sessionDetailsInput(details, seats),
        ...(past
          ? { recordedReason: recordedReason.trim() }
          : { bookingCutoffAt: cutoffInstant(details) }),
      },
      { onSuccess: (session) => onCreated(session.id) },
    );
  };

  return (
    <form className="admin-form" onSubmit={submit} noValidate>
      <FormError message={problem ?? (create.isError ? errorMessage(create.error) : undefined)} />
      <Select
        label={t('sessions.form.course')}
        options={courses}
        value={courseId}
        onChange={setCourseId}
      />
      <SessionTimeFields value={time} onChange={(patch) => setTime((v) => ({ ...v, ...patch }))} />
      {past ? (
        <div className="alert alert--warning">
          <p className="schedule-warnings__title">{t('scheduling.pastTitle')}</p>
          <p>{t('scheduling.pastNotice')}</p>
        </div>
      ) : null}
      {past ? (
        <TextField
          label={t('scheduling.recordedReason')}
          value={recordedReason}
          onChange={setRecordedReason}
          multiline
          isRequired
        />
      ) : null}
      <ScheduleWarnings
        slots={[typedSlot(time.date, time.start, time.end)]}
        venue={details.venue}
      />
      <SessionDetailsFields
        value={details}
        onChange={(patch) => setDetails((d) => ({ ...d, ...patch }))}
        cutoffDescription={t('sessions.form.cutoffDescription')}
      />
      <div className="form-actions">
        <Button type="submit" variant="primary" isPending={create.isPending}>
          {past ? t('scheduling.record') : t('sessions.form.createOne')}
        </Button>
      </div>
    </form>
  );
}
