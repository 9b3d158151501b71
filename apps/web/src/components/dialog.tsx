import type { ReactNode } from 'react';
import { Dialog as AriaDialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { Button } from './button.tsx';

export interface DialogProps {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  /** Whether Escape or a press outside closes it; not while a change is being saved. */
  isDismissable?: boolean;
  /** alertdialog for a question before a change; dialog for a form or a record. */
  role?: 'dialog' | 'alertdialog';
  /** An extra class on the modal, for a wider one. */
  className?: string;
  /** The title (a Heading with slot="title") and what follows it. */
  children: ReactNode;
}

/**
 * A modal over the dimmed page. react-aria traps focus inside, closes on Escape and gives focus
 * back to the control that opened it.
 */
export function Dialog({
  isOpen,
  onOpenChange,
  isDismissable = true,
  role = 'dialog',
  className,
  children,
}: DialogProps) {
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable={isDismissable}
    >
      <Modal className={className ? `modal ${className}` : 'modal'}>
        <AriaDialog className="dialog" role={role}>
          {children}
        </AriaDialog>
      </Modal>
    </ModalOverlay>
  );
}

export interface ConfirmDialogProps {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  title: string;
  /** What will happen, in a sentence or two, and any fields (a reason, a note). */
  children: ReactNode;
  confirmLabel: string;
  /** The button that closes the dialog and changes nothing ("Back", "Cancel"). */
  cancelLabel: string;
  onConfirm: () => void;
  isPending?: boolean;
  /** The last attempt's failure, already in words. */
  error?: string | undefined;
  /** Disables the confirm button (a required field is empty). */
  isConfirmDisabled?: boolean;
  /** alertdialog (the default) for a question before a change; dialog for a small form. */
  role?: 'dialog' | 'alertdialog';
}

/**
 * A question before a change that is hard to undo, or a small form: the title, the body, the last
 * failure, then cancel and confirm. Enter in a field confirms.
 */
export function ConfirmDialog({
  isOpen,
  onOpenChange,
  title,
  children,
  confirmLabel,
  cancelLabel,
  onConfirm,
  isPending = false,
  error,
  isConfirmDisabled = false,
  role = 'alertdialog',
}: ConfirmDialogProps) {
  return (
    <Dialog isOpen={isOpen} onOpenChange={onOpenChange} isDismissable={!isPending} role={role}>
      <form
        className="dialog__form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!isConfirmDisabled && !isPending) onConfirm();
        }}
      >
        <Heading slot="title" className="dialog__title">
          {title}
        </Heading>
        <div className="dialog__body">{children}</div>
        {error ? (
          <p className="alert alert--error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="dialog__actions">
          <Button onPress={() => onOpenChange(false)} isDisabled={isPending}>
            {cancelLabel}
          </Button>
          <Button
            type="submit"
            variant="primary"
            // Disabled rather than react-aria's pending state: its announcement would outlive
            // the button once the dialog closes.
            isDisabled={isConfirmDisabled || isPending}
          >
            {confirmLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
