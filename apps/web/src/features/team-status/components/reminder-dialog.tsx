import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/dialog.tsx';
import { TextField } from '../../../components/form-fields.tsx';

const MAX_MESSAGE_LENGTH = 1000;

export interface ReminderDialogProps {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  courseTitle: string;
  count: number;
  onSend: (message: string | undefined) => void;
  isPending: boolean;
  /** The last attempt's failure, already in words. */
  error: string | undefined;
}

/**
 * Asks for an optional message before reminding the chosen people. It is only there while open,
 * so the message starts empty each time.
 */
export function ReminderDialog({ isOpen, ...rest }: ReminderDialogProps) {
  return isOpen ? <ReminderForm {...rest} /> : null;
}

function ReminderForm({
  onOpenChange,
  courseTitle,
  count,
  onSend,
  isPending,
  error,
}: Omit<ReminderDialogProps, 'isOpen'>) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const tooLong = message.trim().length > MAX_MESSAGE_LENGTH;
  return (
    <ConfirmDialog
      role="dialog"
      isOpen
      onOpenChange={onOpenChange}
      title={t('team.reminder.title')}
      cancelLabel={t('team.reminder.cancel')}
      confirmLabel={t('team.reminder.send')}
      isPending={isPending}
      isConfirmDisabled={tooLong}
      error={error}
      onConfirm={() => onSend(message.trim() || undefined)}
    >
      <p>{t('team.reminder.body', { count, course: courseTitle })}</p>
      <TextField
        label={t('team.reminder.message')}
        description={t('team.reminder.messageDescription')}
        errorMessage={tooLong ? t('team.reminder.tooLong') : undefined}
        multiline
        value={message}
        onChange={setMessage}
      />
    </ConfirmDialog>
  );
}
