import type { TrainingSession } from '@kenshu/contracts';
import { useState, type FormEvent } from 'react';
import { Button } from '../../../../components/button.tsx';
import { TextField } from '../../../../components/form-fields.tsx';
import { Select } from '../../../../components/select.tsx';
import { formatDate } from '../../../../lib/dates.ts';
import { useLanguage, useTranslation } from '../../../../lib/i18n.ts';
import { useCreateSeries, useUpdateSession } from '../../api/schedule.ts';
import { useErrorMessage } from '../../utils/error-message.ts';
import {
  cutoffInstant,
  FormError,
  newSessionDetails,
  parseWhole,
  SessionDetailsFields,
  sessionDetailsInput,
  ValueListField,
} from './form-parts.tsx';
import type { CourseOption } from './session-form.tsx';
import { ScheduleWarnings, typedSlot } from './schedule-warnings.tsx';
import { AdminSessionLink } from './session-table.tsx';
import '../sessions.css';

/** 'HH:MM' plus a duration, or '' when it is unknown or runs past midnight. */
function endOf(start: string, minutes: number | undefined): string {
  const [h = NaN, m = NaN] = start.split(':').map(Number);
  const end = h * 60 + m + (minutes ?? NaN);
  if (!Number.isFinite(end) || minutes === undefined || minutes < 1 || end >= 24 * 60) return '';
  return `${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`;
}

/**
 * A whole series in one step: several dates × several start times, one duration, capacity and
 * venue. The API creates all of them or none (overlaps and bad times are refused as a whole).
 */
export function SeriesForm({ courses }: { courses: readonly CourseOption[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const errorMessage = useErrorMessage();
  const create = useCreateSeries();
  const setCutoff = useUpdateSession();
  const [courseId, setCourseId] = useState(courses[0]?.id ?? 0);
  const [dates, setDates] = useState<string[]>([]);
  const [times, setTimes] = useState<string[]>(['10:00', '14:00']);
  const [duration, setDuration] = useState('90');
  const [details, setDetails] = useState(() => newSessionDetails('40'));
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [created, setCreated] = useState<TrainingSession[] | null>(null);

  const total = dates.length * times.length;
  const minutes = parseWhole(duration);
  // Every session of the series, as the warnings check them (each day × each start time).
  const slots = dates.flatMap((date) =>
    times.map((start) => typedSlot(date, start, endOf(start, minutes))),
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const minutes = parseWhole(duration);
    const seats = parseWhole(details.capacity);
    if (dates.length === 0 || times.length === 0) {
      setProblem(t('sessions.series.needDatesAndTimes'));
      return;
    }
    if (minutes === undefined || minutes < 1 || seats === undefined || seats < 1) {
      setProblem(t('sessions.form.incomplete'));
      return;
    }
    setProblem(undefined);
    setCreated(null);
    let sessions: TrainingSession[];
    try {
      sessions = await create.mutateAsync({
        courseId,
        dates,
        startTimes: times,
        durationMinutes: minutes,
        ...sessionDetailsInput(details, seats),
      });
    } catch {
      return; // shown from create.error
    }
    // The series API takes no cut-off: an override is applied to each new session after.
    const bookingCutoffAt = cutoffInstant(details);
    if (bookingCutoffAt) {
      try {
        for (const s of sessions) {
          await setCutoff.mutateAsync({ id: s.id, changes: { bookingCutoffAt } });
        }
      } catch (error) {
        setProblem(t('sessions.series.cutoffFailed', { reason: errorMessage(error) }));
      }
    }
    setCreated(sessions);
    setDates([]);
  };

  return (
    <form className="admin-form" onSubmit={(e) => void submit(e)} noValidate>
      <FormError message={problem ?? (create.isError ? errorMessage(create.error) : undefined)} />
      {created ? (
        <div className="alert alert--success" role="status">
          <p>{t('sessions.series.created', { count: created.length })}</p>
          <ul>
            {created.map((s) => (
              <li key={s.id}>
                <AdminSessionLink session={s} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Select
        label={t('sessions.form.course')}
        options={courses}
        value={courseId}
        onChange={setCourseId}
      />
      <ValueListField
        type="date"
        values={dates}
        onChange={setDates}
        format={(date) => formatDate(date, lang)}
      />
      <ValueListField type="time" values={times} onChange={setTimes} format={(time) => time} />
      <TextField
        label={t('sessions.series.duration')}
        type="number"
        inputMode="numeric"
        value={duration}
        onChange={setDuration}
        isRequired
      />
      <SessionDetailsFields
        value={details}
        onChange={(patch) => setDetails((d) => ({ ...d, ...patch }))}
        cutoffDescription={t('sessions.series.cutoffDescription')}
      />
      <ScheduleWarnings slots={slots} venue={details.venue} />
      <div className="form-actions">
        <p className="muted" aria-live="polite">
          {t('sessions.series.total', { count: total })}
        </p>
        <Button type="submit" variant="primary" isPending={create.isPending || setCutoff.isPending}>
          {t('sessions.series.create', { count: total })}
        </Button>
      </div>
    </form>
  );
}
