import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../components/button.tsx';
import { Select } from '../../../../components/select.tsx';
import { useCreateSession } from '../../api/schedule.ts';
import { useErrorMessage } from '../../utils/error-message.ts';
import { TextInput } from '../fields.tsx';
import type { PickedStaff } from '../staff-picker.tsx';
import { FormError, parseWhole, tokyoInstant, TrainersField } from './form-parts.tsx';
import '../sessions.css';

export interface CourseOption {
  id: number;
  label: string;
}

/** Schedules one session; the booking cut-off defaults to 17:00 the working day before. */
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
  const [date, setDate] = useState('');
  const [start, setStart] = useState('10:00');
  const [end, setEnd] = useState('11:30');
  const [capacity, setCapacity] = useState('30');
  const [venue, setVenue] = useState('');
  const [onlineUrl, setOnlineUrl] = useState('');
  const [trainers, setTrainers] = useState<PickedStaff[]>([]);
  const [cutoffDate, setCutoffDate] = useState('');
  const [cutoffTime, setCutoffTime] = useState('17:00');
  const [problem, setProblem] = useState<string | undefined>(undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const seats = parseWhole(capacity);
    if (!date || !start || !end || seats === undefined || seats < 1) {
      setProblem(t('sessions.form.incomplete'));
      return;
    }
    setProblem(undefined);
    create.mutate(
      {
        courseId,
        startsAt: tokyoInstant(date, start),
        endsAt: tokyoInstant(date, end),
        capacity: seats,
        venue: venue.trim() || null,
        onlineUrl: onlineUrl.trim() || null,
        trainerIds: trainers.map((tr) => tr.staffId),
        minAttendance: null,
        ...(cutoffDate ? { bookingCutoffAt: tokyoInstant(cutoffDate, cutoffTime || '17:00') } : {}),
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
      <div className="form-row">
        <TextInput
          label={t('sessions.form.date')}
          type="date"
          value={date}
          onChange={setDate}
          isRequired
        />
        <TextInput
          label={t('sessions.form.start')}
          type="time"
          value={start}
          onChange={setStart}
          isRequired
        />
        <TextInput
          label={t('sessions.form.end')}
          type="time"
          value={end}
          onChange={setEnd}
          isRequired
        />
      </div>
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
        <p className="field__description">{t('sessions.form.cutoffDescription')}</p>
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
        <Button type="submit" variant="primary" isPending={create.isPending}>
          {t('sessions.form.createOne')}
        </Button>
      </div>
    </form>
  );
}

/** Capacity, venue and online link: the same in the single, series and edit forms. */
export function VenueFields(props: {
  capacity: string;
  onCapacity: (value: string) => void;
  venue: string;
  onVenue: (value: string) => void;
  onlineUrl: string;
  onOnlineUrl: (value: string) => void;
  capacityError?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        label={t('sessions.form.capacity')}
        type="number"
        inputMode="numeric"
        value={props.capacity}
        onChange={props.onCapacity}
        errorMessage={props.capacityError}
        isRequired
      />
      <TextInput
        label={t('sessions.form.venue')}
        description={t('sessions.form.venueDescription')}
        value={props.venue}
        onChange={props.onVenue}
      />
      <TextInput
        label={t('sessions.form.onlineUrl')}
        type="url"
        value={props.onlineUrl}
        onChange={props.onOnlineUrl}
      />
    </>
  );
}
