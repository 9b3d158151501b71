import type { TrainingSession } from '@kenshu/contracts';
import { tokyoDateOf } from '@kenshu/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../../lib/i18n.ts';
import { Button } from '../../../../components/button.tsx';
import { ConfirmDialog } from '../../../../components/dialog.tsx';
import { TextField } from '../../../../components/form-fields.tsx';
import { isApiError } from '../../../../lib/api-client.ts';
import { tokyoTime } from '../../../../lib/dates.ts';
import { useCancelSession, useUpdateSession, type UpdateSessionInput } from '../../api/schedule.ts';
import { useErrorMessage } from '../../utils/error-message.ts';
import {
  FormError,
  parseWhole,
  SessionTimeFields,
  tokyoInstant,
  VenueFields,
} from './form-parts.tsx';
import { ScheduleWarnings, typedSlot } from './schedule-warnings.tsx';
import '../sessions.css';

/** Changes time, venue and capacity; only what changed is sent. */
export function EditSessionForm({ session }: { session: TrainingSession }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const update = useUpdateSession();
  // Times are edited as typed in Tokyo (24-hour), whatever the UI language.
  const initial = {
    date: tokyoDateOf(new Date(session.startsAt)),
    start: tokyoTime(session.startsAt, 'ja'),
    end: tokyoTime(session.endsAt, 'ja'),
    capacity: String(session.capacity),
    venue: session.venue ?? '',
    onlineUrl: session.onlineUrl ?? '',
  };
  const [form, setForm] = useState(initial);
  // Once a session has begun, a change needs a reason (it goes in the audit log).
  const begun = session.phase !== 'scheduled';
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  const change = (patch: Partial<typeof initial>) => {
    setSaved(false);
    setForm((f) => ({ ...f, ...patch }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const changes: UpdateSessionInput = {};
    if (form.date !== initial.date || form.start !== initial.start) {
      changes.startsAt = tokyoInstant(form.date, form.start);
    }
    if (form.date !== initial.date || form.end !== initial.end) {
      changes.endsAt = tokyoInstant(form.date, form.end);
    }
    if (form.capacity !== initial.capacity) {
      const capacity = parseWhole(form.capacity);
      if (capacity === undefined || capacity < 1) {
        setProblem(t('sessions.form.incomplete'));
        return;
      }
      changes.capacity = capacity;
    }
    if (form.venue !== initial.venue) changes.venue = form.venue.trim() || null;
    if (form.onlineUrl !== initial.onlineUrl) changes.onlineUrl = form.onlineUrl.trim() || null;
    if (begun) {
      if (reason.trim() === '') {
        setProblem(t('sessions.edit.pastNotice'));
        return;
      }
      changes.reason = reason.trim();
    }
    setProblem(undefined);
    update.mutate({ id: session.id, changes }, { onSuccess: () => setSaved(true) });
  };

  const capacityError =
    update.isError && isApiError(update.error) && update.error.code === 'CAPACITY_BELOW_BOOKED'
      ? errorMessage(update.error)
      : undefined;

  return (
    <form className="admin-form" onSubmit={submit} noValidate>
      <FormError message={problem ?? (update.isError ? errorMessage(update.error) : undefined)} />
      <SessionTimeFields value={form} onChange={change} />
      <VenueFields value={form} onChange={change} capacityError={capacityError} />
      <ScheduleWarnings
        slots={[typedSlot(form.date, form.start, form.end)]}
        venue={form.venue}
        sessionId={session.id}
      />
      {begun ? (
        <>
          <p className="muted">{t('sessions.edit.pastNotice')}</p>
          <TextField
            label={t('sessions.edit.reason')}
            value={reason}
            onChange={setReason}
            multiline
            isRequired
          />
        </>
      ) : null}
      <div className="form-actions">
        <p role="status" className="form-saved">
          {saved ? t('sessions.edit.saved') : ''}
        </p>
        <Button type="submit" variant="primary" isPending={update.isPending}>
          {t('sessions.edit.save')}
        </Button>
      </div>
    </form>
  );
}

/** Cancels the session with a reason: everyone booked is released and told. */
export function CancelSessionButton({ session }: { session: TrainingSession }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const cancel = useCancelSession();
  const [isOpen, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <>
      <Button onPress={() => setOpen(true)} className="button--danger">
        {t('sessions.cancel.open')}
      </Button>
      <ConfirmDialog
        isOpen={isOpen}
        onOpenChange={(open) => {
          setOpen(open);
          if (!open) cancel.reset();
        }}
        title={t('sessions.cancel.title')}
        cancelLabel={t('sessions.dialog.back')}
        confirmLabel={t('sessions.cancel.confirm')}
        isPending={cancel.isPending}
        isConfirmDisabled={reason.trim() === ''}
        error={cancel.isError ? errorMessage(cancel.error) : undefined}
        onConfirm={() =>
          cancel.mutate(
            { id: session.id, reason: reason.trim() },
            { onSuccess: () => setOpen(false) },
          )
        }
      >
        <p>{t('sessions.cancel.body', { count: session.seatsTaken + session.waitingCount })}</p>
        <TextField
          label={t('sessions.cancel.reason')}
          value={reason}
          onChange={setReason}
          multiline
          isRequired
          autoFocus
        />
      </ConfirmDialog>
    </>
  );
}
