import type { TrainingSession } from '@kenshu/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../components/button.tsx';
import { Link } from '../../../../components/link.tsx';
import { Select } from '../../../../components/select.tsx';
import { formatDate } from '../../../../lib/dates.ts';
import { useLanguage } from '../../../../lib/i18n.ts';
import { useCreateSeries, useUpdateSession } from '../../api/schedule.ts';
import { useErrorMessage } from '../../utils/error-message.ts';
import { sessionTimeLabel } from '../../utils/session-time.ts';
import { TextInput } from '../fields.tsx';
import type { PickedStaff } from '../staff-picker.tsx';
import { FormError, parseWhole, tokyoInstant, TrainersField } from './form-parts.tsx';
import { VenueFields, type CourseOption } from './session-form.tsx';
import '../sessions.css';

/** Adds a value to a sorted list without duplicates. */
function addSorted(list: readonly string[], value: string): string[] {
  return list.includes(value) ? [...list] : [...list, value].sort();
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
  const [dateText, setDateText] = useState('');
  const [times, setTimes] = useState<string[]>(['10:00', '14:00']);
  const [timeText, setTimeText] = useState('');
  const [duration, setDuration] = useState('90');
  const [capacity, setCapacity] = useState('40');
  const [venue, setVenue] = useState('');
  const [onlineUrl, setOnlineUrl] = useState('');
  const [trainers, setTrainers] = useState<PickedStaff[]>([]);
  const [cutoffDate, setCutoffDate] = useState('');
  const [cutoffTime, setCutoffTime] = useState('17:00');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [created, setCreated] = useState<TrainingSession[] | null>(null);

  const total = dates.length * times.length;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const minutes = parseWhole(duration);
    const seats = parseWhole(capacity);
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
        capacity: seats,
        venue: venue.trim() || null,
        onlineUrl: onlineUrl.trim() || null,
        trainerIds: trainers.map((tr) => tr.staffId),
        minAttendance: null,
      });
    } catch {
      return; // shown from create.error
    }
    // The series API takes no cut-off: an override is applied to each new session after.
    if (cutoffDate) {
      const bookingCutoffAt = tokyoInstant(cutoffDate, cutoffTime || '17:00');
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
        <div className="form-success" role="status">
          <p>{t('sessions.series.created', { count: created.length })}</p>
          <ul>
            {created.map((s) => (
              <li key={s.id}>
                <Link
                  to="/admin/sessions/$sessionId"
                  params={{ sessionId: String(s.id) }}
                  className="text-link"
                >
                  {sessionTimeLabel(s.startsAt, s.endsAt, lang)}
                </Link>
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
      <fieldset className="fieldset">
        <legend className="field__label">{t('sessions.series.dates')}</legend>
        <div className="form-row form-row--add">
          <TextInput
            label={t('sessions.series.date')}
            type="date"
            value={dateText}
            onChange={setDateText}
          />
          <Button
            isDisabled={!dateText}
            onPress={() => {
              setDates(addSorted(dates, dateText));
              setDateText('');
            }}
          >
            {t('sessions.series.addDate')}
          </Button>
        </div>
        {dates.length > 0 ? (
          <ul className="chips" aria-label={t('sessions.series.datesChosen')}>
            {dates.map((d) => (
              <li key={d} className="chip">
                <span>{formatDate(d, lang)}</span>
                <Button
                  className="chip__remove"
                  aria-label={t('sessions.form.removeNamed', { name: formatDate(d, lang) })}
                  onPress={() => setDates(dates.filter((x) => x !== d))}
                >
                  ×
                </Button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('sessions.series.noDates')}</p>
        )}
      </fieldset>
      <fieldset className="fieldset">
        <legend className="field__label">{t('sessions.series.times')}</legend>
        <div className="form-row form-row--add">
          <TextInput
            label={t('sessions.series.time')}
            type="time"
            value={timeText}
            onChange={setTimeText}
          />
          <Button
            isDisabled={!timeText}
            onPress={() => {
              setTimes(addSorted(times, timeText));
              setTimeText('');
            }}
          >
            {t('sessions.series.addTime')}
          </Button>
        </div>
        {times.length > 0 ? (
          <ul className="chips" aria-label={t('sessions.series.timesChosen')}>
            {times.map((time) => (
              <li key={time} className="chip">
                <span>{time}</span>
                <Button
                  className="chip__remove"
                  aria-label={t('sessions.form.removeNamed', { name: time })}
                  onPress={() => setTimes(times.filter((x) => x !== time))}
                >
                  ×
                </Button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('sessions.series.noTimes')}</p>
        )}
      </fieldset>
      <TextInput
        label={t('sessions.series.duration')}
        type="number"
        inputMode="numeric"
        value={duration}
        onChange={setDuration}
        isRequired
      />
      <VenueFields
        capacity={capacity}
        onCapacity={setCapacity}
        venue={venue}
        onVenue={setVenue}
        onlineUrl={onlineUrl}
        onOnlineUrl={setOnlineUrl}
      />
      <TrainersField value={trainers} onChange={setTrainers} />
      <fieldset className="fieldset">
        <legend className="field__label">{t('sessions.form.cutoff')}</legend>
        <p className="field__description">{t('sessions.series.cutoffDescription')}</p>
        <div className="form-row">
          <TextInput
            label={t('sessions.form.cutoffDate')}
            type="date"
            value={cutoffDate}
            onChange={setCutoffDate}
          />
          <TextInput
            label={t('sessions.form.cutoffTime')}
            type="time"
            value={cutoffTime}
            onChange={setCutoffTime}
          />
        </div>
      </fieldset>
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
