import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import './sessions.css';

export interface ConfirmDialogProps {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  title: string;
  /** What will happen, in a sentence or two; extra fields (a reason) may follow. */
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  isPending?: boolean;
  /** The last attempt's failure, already in words. */
  error?: string | undefined;
  /** Disables the confirm button (a required field is empty). */
  isConfirmDisabled?: boolean;
}

/**
 * A modal question before a change that is hard to undo (cancel, move, leave a waitlist).
 * react-aria traps focus inside, closes on Escape and gives focus back to the opener.
 */
export function ConfirmDialog({
  isOpen,
  onOpenChange,
  title,
  children,
  confirmLabel,
  onConfirm,
  isPending = false,
  error,
  isConfirmDisabled = false,
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable={!isPending}
    >
      <Modal className="modal">
        <Dialog className="dialog" role="alertdialog">
          <Heading slot="title" className="dialog__title">
            {title}
          </Heading>
          <div className="dialog__body">{children}</div>
          {error ? (
            <p className="form-error" role="alert">
              {error}
            </p>
          ) : null}
          <div className="dialog__actions">
            <Button onPress={() => onOpenChange(false)} isDisabled={isPending}>
              {t('sessions.dialog.back')}
            </Button>
            <Button
              variant="primary"
              onPress={onConfirm}
              isDisabled={isConfirmDisabled}
              isPending={isPending}
            >
              {confirmLabel}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
