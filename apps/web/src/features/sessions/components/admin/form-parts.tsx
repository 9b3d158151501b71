import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../../../lib/i18n.ts';
import { Button } from '../../../../components/button.tsx';
import { RemovableChips } from '../../../../components/chips.tsx';
import { TextField } from '../../../../components/form-fields.tsx';
import { StaffPicker, type PickedStaff } from '../../../staff/index.ts';
import '../sessions.css';

/** 'YYYY-MM-DD' and 'HH:MM' in Tokyo as the API's instant: `2027-02-02T10:00:00+09:00`. */
export function tokyoInstant(date: string, time: string): string {
  return `${date}T${time}:00+09:00`;
}

/** A whole number typed in a field, or undefined when empty or not a whole number. */
export function parseWhole(text: string): number | undefined {
  const n = Number(text.trim());
  return text.trim() !== '' && Number.isSafeInteger(n) ? n : undefined;
}

/** A session's day and hours as typed: 'YYYY-MM-DD' and 'HH:MM' in Tokyo. */
export interface SessionTime {
  date: string;
  start: string;
  end: string;
}

/** The day with start and end times, in a row: the single-session and edit forms. */
export function SessionTimeFields({
  value,
  onChange,
}: {
  value: SessionTime;
  onChange: (patch: Partial<SessionTime>) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="form-row">
      <TextField
        label={t('sessions.form.date')}
        type="date"
        value={value.date}
        onChange={(date) => onChange({ date })}
        isRequired
      />
      <TextField
        label={t('sessions.form.start')}
        type="time"
        value={value.start}
        onChange={(start) => onChange({ start })}
        isRequired
      />
      <TextField
        label={t('sessions.form.end')}
        type="time"
        value={value.end}
        onChange={(end) => onChange({ end })}
        isRequired
      />
    </div>
  );
}

/** Seats and place as typed. */
export interface SessionVenue {
  capacity: string;
  venue: string;
  onlineUrl: string;
}

/** Capacity, venue and online link: the same in the single, series and edit forms. */
export function VenueFields({
  value,
  onChange,
  capacityError,
}: {
  value: SessionVenue;
  onChange: (patch: Partial<SessionVenue>) => void;
  capacityError?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t('sessions.form.capacity')}
        type="number"
        inputMode="numeric"
        value={value.capacity}
        onChange={(capacity) => onChange({ capacity })}
        errorMessage={capacityError}
        isRequired
      />
      <TextField
        label={t('sessions.form.venue')}
        description={t('sessions.form.venueDescription')}
        value={value.venue}
        onChange={(venue) => onChange({ venue })}
      />
      <TextField
        label={t('sessions.form.onlineUrl')}
        type="url"
        value={value.onlineUrl}
        onChange={(onlineUrl) => onChange({ onlineUrl })}
      />
    </>
  );
}

/** An optional booking cut-off: a day and a time, with what an empty day means. */
export function CutoffFields(props: {
  description: string;
  date: string;
  onDate: (value: string) => void;
  time: string;
  onTime: (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="fieldset">
      <legend className="field__label">{t('sessions.form.cutoff')}</legend>
      <p className="field__description">{props.description}</p>
      <div className="form-row">
        <TextField
          label={t('sessions.form.cutoffDate')}
          type="date"
          value={props.date}
          onChange={props.onDate}
        />
        <TextField
          label={t('sessions.form.cutoffTime')}
          type="time"
          value={props.time}
          onChange={props.onTime}
        />
      </div>
    </fieldset>
  );
}

/**
 * A list built one value at a time (the series' dates or start times): a field and an add
 * button, then the values so far, each removable. Kept sorted, without repeats.
 */
export function ValueListField(props: {
  type: 'date' | 'time';
  values: readonly string[];
  onChange: (values: string[]) => void;
  /** A value in words, for its chip. */
  format: (value: string) => string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const words = props.type === 'date' ? 'sessions.series.dates' : 'sessions.series.times';
  return (
    <fieldset className="fieldset">
      <legend className="field__label">{t(`${words}.legend`)}</legend>
      <div className="form-row form-row--add">
        <TextField label={t(`${words}.input`)} type={props.type} value={text} onChange={setText} />
        <Button
          isDisabled={!text}
          onPress={() => {
            if (!props.values.includes(text)) props.onChange([...props.values, text].sort());
            setText('');
          }}
        >
          {t(`${words}.add`)}
        </Button>
      </div>
      {props.values.length > 0 ? (
        <RemovableChips
          aria-label={t(`${words}.chosen`)}
          chips={props.values.map((value) => ({
            id: value,
            label: props.format(value),
            removeLabel: t('sessions.form.removeNamed', { name: props.format(value) }),
          }))}
          onRemove={(value) => props.onChange(props.values.filter((v) => v !== value))}
        />
      ) : (
        <p className="muted">{t(`${words}.none`)}</p>
      )}
    </fieldset>
  );
}

/** What the single-session and series forms both ask: seats, place, trainers and cut-off. */
export interface SessionDetails extends SessionVenue {
  trainers: PickedStaff[];
  cutoffDate: string;
  cutoffTime: string;
}

export function newSessionDetails(capacity: string): SessionDetails {
  return { capacity, venue: '', onlineUrl: '', trainers: [], cutoffDate: '', cutoffTime: '17:00' };
}

/** The details as the API takes them, once the capacity has been checked. */
export function sessionDetailsInput(details: SessionDetails, capacity: number) {
  return {
    capacity,
    venue: details.venue.trim() || null,
    onlineUrl: details.onlineUrl.trim() || null,
    trainerIds: details.trainers.map((trainer) => trainer.staffId),
    minAttendance: null,
  };
}

/** The booking cut-off as an instant (17:00 when no time is given), or none without a day. */
export function cutoffInstant(details: SessionDetails): string | undefined {
  return details.cutoffDate
    ? tokyoInstant(details.cutoffDate, details.cutoffTime || '17:00')
    : undefined;
}

export function SessionDetailsFields({
  value,
  onChange,
  cutoffDescription,
}: {
  value: SessionDetails;
  onChange: (patch: Partial<SessionDetails>) => void;
  cutoffDescription: string;
}) {
  return (
    <>
      <VenueFields value={value} onChange={onChange} />
      <TrainersField value={value.trainers} onChange={(trainers) => onChange({ trainers })} />
      <CutoffFields
        description={cutoffDescription}
        date={value.cutoffDate}
        onDate={(cutoffDate) => onChange({ cutoffDate })}
        time={value.cutoffTime}
        onTime={(cutoffTime) => onChange({ cutoffTime })}
      />
    </>
  );
}

/** The trainers chosen so far (each removable) and a search to add another. */
export function TrainersField({
  value,
  onChange,
}: {
  value: readonly PickedStaff[];
  onChange: (trainers: PickedStaff[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="fieldset">
      <legend className="field__label">{t('sessions.form.trainers')}</legend>
      {value.length > 0 ? (
        <RemovableChips
          aria-label={t('sessions.form.trainersChosen')}
          lang="ja"
          chips={value.map((trainer) => ({
            id: trainer.staffId,
            label: trainer.name,
            removeLabel: t('sessions.form.removeNamed', { name: trainer.name }),
          }))}
          onRemove={(staffId) => onChange(value.filter((v) => v.staffId !== staffId))}
        />
      ) : (
        <p className="muted">{t('sessions.form.noTrainers')}</p>
      )}
      <StaffPicker
        label={t('sessions.form.addTrainer')}
        excludeIds={value.map((v) => v.staffId)}
        onPick={(person) => onChange([...value, person])}
      />
    </fieldset>
  );
}

/** The form's failure, announced and focused so it is read before anything else. */
export function FormError({ message }: { message: string | undefined }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  if (!message) return null;
  return (
    <div className="alert alert--error" role="alert" tabIndex={-1} ref={ref}>
      {message}
    </div>
  );
}
