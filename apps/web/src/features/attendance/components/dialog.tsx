import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import './attendance.css';

export interface AttendanceDialogProps {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  title: string;
  /** What will happen, and any fields. */
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  isPending?: boolean;
  /** The last attempt's failure, already in words. */
  error?: string | undefined;
  isConfirmDisabled?: boolean;
  /** alertdialog for questions before a change; dialog for small forms. */
  role?: 'dialog' | 'alertdialog';
}

/**
 * A modal question or small form on the attendance pages. react-aria traps focus inside, closes
 * on Escape and gives focus back to the button that opened it. Enter in a field submits.
 */
export function AttendanceDialog({
  isOpen,
  onOpenChange,
  title,
  children,
  confirmLabel,
  onConfirm,
  isPending = false,
  error,
  isConfirmDisabled = false,
  role = 'alertdialog',
}: AttendanceDialogProps) {
  const { t } = useTranslation();
  return (
    <ModalOverlay
      className="attendance-overlay"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable={!isPending}
    >
      <Modal className="attendance-modal">
        <Dialog className="attendance-dialog" role={role}>
          <form
            className="attendance-dialog__form"
            onSubmit={(event) => {
              event.preventDefault();
              if (!isConfirmDisabled && !isPending) onConfirm();
            }}
          >
            <Heading slot="title" className="attendance-dialog__title">
              {title}
            </Heading>
            <div className="attendance-dialog__body">{children}</div>
            {error ? (
              <p className="attendance-error" role="alert">
                {error}
              </p>
            ) : null}
            <div className="attendance-dialog__actions">
              <Button onPress={() => onOpenChange(false)} isDisabled={isPending}>
                {t('attendance.dialog.back')}
              </Button>
              <Button
                type="submit"
                variant="primary"
                // Disabled rather than react-aria's pending state: its announcement would
                // outlive the button once the dialog closes.
                isDisabled={isConfirmDisabled || isPending}
              >
                {confirmLabel}
              </Button>
            </div>
          </form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
