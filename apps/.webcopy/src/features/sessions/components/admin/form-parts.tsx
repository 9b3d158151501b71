import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../components/button.tsx';
import { StaffPicker, type PickedStaff } from '../staff-picker.tsx';
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
        <ul className="chips" aria-label={t('sessions.form.trainersChosen')}>
          {value.map((trainer) => (
            <li key={trainer.staffId} className="chip">
              <span lang="ja">{trainer.name}</span>
              <Button
                className="chip__remove"
                aria-label={t('sessions.form.removeNamed', { name: trainer.name })}
                onPress={() => onChange(value.filter((v) => v.staffId !== trainer.staffId))}
              >
                ×
              </Button>
            </li>
          ))}
        </ul>
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
    <div className="form-error form-error--block" role="alert" tabIndex={-1} ref={ref}>
      {message}
    </div>
  );
}
