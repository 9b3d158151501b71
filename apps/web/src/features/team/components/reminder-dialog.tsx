import type { ReminderRequest } from '@kenshu/contracts';
import { fiscalYearLabel } from '@kenshu/domain';
import { useEffect, useRef, useState } from 'react';
import { ConfirmDialog } from '../../../components/dialog.tsx';
import { TextField } from '../../../components/form-fields.tsx';
import { useLanguage, useTranslation } from '../../../lib/i18n.ts';
import { useErrorMessage } from '../../sessions/index.ts';
import {
  useReminderPreview,
  useSendReminders,
  type ReminderPreview,
  type ReminderResult,
} from '../api/team-status.ts';

const MAX_MESSAGE_LENGTH = 1000;
/** How long typing pauses before the preview is written again with the new words. */
const PREVIEW_PAUSE_MS = 400;

export interface ReminderDialogProps {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  courseTitle: string;
  /** Whom: everyone matching the filter, or the chosen of them. */
  request: Omit<ReminderRequest, 'message'>;
  onSent: (result: ReminderResult) => void;
}

/**
 * Shows first what a reminder would do (how many it reaches, who is skipped and why, who has no
 * address, the words in Japanese and English), then sends it. It is only there while open, so the
 * message starts empty and the preview is fresh each time.
 */
export function ReminderDialog({ isOpen, ...rest }: ReminderDialogProps) {
  return isOpen ? <ReminderForm {...rest} /> : null;
}

function ReminderForm({
  onOpenChange,
  courseTitle,
  request,
  onSent,
}: Omit<ReminderDialogProps, 'isOpen'>) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [message, setMessage] = useState('');
  const [previewed, setPreviewed] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setPreviewed(message.trim()), PREVIEW_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [message]);
  const tooLong = message.trim().length > MAX_MESSAGE_LENGTH;
  const input = { ...request, ...(previewed && !tooLong ? { message: previewed } : {}) };
  const preview = useReminderPreview(input);
  const send = useSendReminders();
  // A double click lands before the pending state renders: only the first press sends.
  const sending = useRef(false);
  const recipients = preview.data?.recipients ?? 0;
  const error = send.isError
    ? errorMessage(send.error)
    : preview.isError
      ? errorMessage(preview.error)
      : undefined;
  return (
    <ConfirmDialog
      role="dialog"
      isOpen
      onOpenChange={onOpenChange}
      title={t('team.reminder.title')}
      cancelLabel={t('team.reminder.cancel')}
      confirmLabel={t('team.reminder.send', { count: recipients })}
      isPending={send.isPending}
      isConfirmDisabled={tooLong || !preview.data || preview.isFetching || recipients === 0}
      error={error}
      onConfirm={() => {
        if (sending.current) return;
        sending.current = true;
        const trimmed = message.trim();
        send.mutate(
          { ...request, ...(trimmed ? { message: trimmed } : {}) },
          {
            onSuccess: onSent,
            onError: () => {
              sending.current = false;
            },
          },
        );
      }}
    >
      <p>{t('team.reminder.intro', { course: courseTitle })}</p>
      <TextField
        label={t('team.reminder.message')}
        description={t('team.reminder.messageDescription')}
        errorMessage={tooLong ? t('team.reminder.tooLong') : undefined}
        multiline
        value={message}
        onChange={setMessage}
      />
      <div className="reminder-preview" aria-live="polite" aria-busy={preview.isFetching}>
        {preview.data ? (
          <PreviewDetails preview={preview.data} />
        ) : (
          <p>{t('team.reminder.loading')}</p>
        )}
      </div>
    </ConfirmDialog>
  );
}

function PreviewDetails({ preview }: { preview: ReminderPreview }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <>
      <p>{t('team.reminder.fiscalYear', { year: fiscalYearLabel(preview.fiscalYear, lang) })}</p>
      <p className="reminder-preview__counts">
        <span>{t('team.reminder.matching', { count: preview.matching })}</span>
        <strong>
          {preview.recipients === 0
            ? t('team.reminder.noRecipients')
            : t('team.reminder.recipients', { count: preview.recipients })}
        </strong>
      </p>
      {preview.skipped.length > 0 ? (
        <>
          <h3 className="reminder-preview__heading">{t('team.reminder.skippedHeading')}</h3>
          <ul className="reminder-preview__skipped">
            {preview.skipped.map((group) => (
              <li key={group.reason}>
                <PeopleList
                  label={t(`team.reminder.skipped.${group.reason}`, { count: group.count })}
                  people={group.people}
                  count={group.count}
                />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {preview.noAddress.count > 0 ? (
        <PeopleList
          label={t('team.reminder.noAddress', { count: preview.noAddress.count })}
          people={preview.noAddress.people}
          count={preview.noAddress.count}
        />
      ) : null}
      <details className="reminder-preview__message" lang="ja">
        <summary>{t('team.reminder.messageJa')}</summary>
        <p className="reminder-preview__subject">{preview.messages.ja.subject}</p>
        <pre>{preview.messages.ja.body}</pre>
      </details>
      <details className="reminder-preview__message" lang="en">
        <summary>{t('team.reminder.messageEn')}</summary>
        <p className="reminder-preview__subject">{preview.messages.en.subject}</p>
        <pre>{preview.messages.en.body}</pre>
      </details>
    </>
  );
}

function PeopleList({
  label,
  people,
  count,
}: {
  label: string;
  people: ReminderPreview['noAddress']['people'];
  count: number;
}) {
  const { t } = useTranslation();
  return (
    <details>
      <summary>{label}</summary>
      <ul className="reminder-preview__people">
        {people.map((p) => (
          <li key={p.staffId}>
            {p.name} ({p.staffNumber})
          </li>
        ))}
        {count > people.length ? (
          <li>{t('team.reminder.andMore', { count: count - people.length })}</li>
        ) : null}
      </ul>
    </details>
  );
}
