import { useState } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import { TextInput } from '../../sessions/components/fields.tsx';

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
 * Asks for an optional message before reminding the chosen people. react-aria traps focus
 * inside, closes on Escape and gives focus back to the button that opened it; the message
 * starts empty each time it opens.
 */
export function ReminderDialog({ isOpen, onOpenChange, isPending, ...rest }: ReminderDialogProps) {
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable={!isPending}
    >
      <Modal className="modal">
        <Dialog className="dialog">
          <ReminderForm onCancel={() => onOpenChange(false)} isPending={isPending} {...rest} />
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

function ReminderForm({
  courseTitle,
  count,
  onSend,
  onCancel,
  isPending,
  error,
}: Omit<ReminderDialogProps, 'isOpen' | 'onOpenChange'> & { onCancel: () => void }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const tooLong = message.trim().length > MAX_MESSAGE_LENGTH;
  return (
    <form
      className="dialog__form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!tooLong && !isPending) onSend(message.trim() || undefined);
      }}
    >
      <Heading slot="title" className="dialog__title">
        {t('team.reminder.title')}
      </Heading>
      <div className="dialog__body">
        <p>{t('team.reminder.body', { count, course: courseTitle })}</p>
        <TextInput
          label={t('team.reminder.message')}
          description={t('team.reminder.messageDescription')}
          errorMessage={tooLong ? t('team.reminder.tooLong') : undefined}
          multiline
          value={message}
          onChange={setMessage}
        />
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="dialog__actions">
        <Button onPress={onCancel} isDisabled={isPending}>
          {t('team.reminder.cancel')}
        </Button>
        <Button type="submit" variant="primary" isDisabled={tooLong} isPending={isPending}>
          {t('team.reminder.send')}
        </Button>
      </div>
    </form>
  );
}
