import { useTranslation } from '../../../lib/i18n.ts';
import { ConfirmDialog } from '../../../components/dialog.tsx';
import { useCancelBooking, type BookingChangeOptions } from '../api/bookings.ts';
import { useErrorMessage } from '../utils/error-message.ts';

export interface CancelBookingDialogProps extends BookingChangeOptions {
  bookingId: number;
  waitlisted: boolean;
  summary: string;
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
}

/**
 * The question before a cancel or a waitlist leave, and the call itself: it loads with its first
 * asking, with the words for what can go wrong, so the pages showing the button do without both.
 */
export function CancelBookingDialog({
  bookingId,
  waitlisted,
  summary,
  isOpen,
  onOpenChange,
  onChanged,
}: CancelBookingDialogProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const cancel = useCancelBooking({ onChanged });
  return (
    <ConfirmDialog
      isOpen={isOpen}
      onOpenChange={(open) => {
        onOpenChange(open);
        if (!open) cancel.reset();
      }}
      title={waitlisted ? t('sessions.confirm.leaveTitle') : t('sessions.confirm.cancelTitle')}
      cancelLabel={t('sessions.dialog.back')}
      confirmLabel={
        waitlisted ? t('sessions.confirm.leaveConfirm') : t('sessions.confirm.cancelConfirm')
      }
      isPending={cancel.isPending}
      error={cancel.isError ? errorMessage(cancel.error) : undefined}
      onConfirm={() => cancel.mutate({ bookingId }, { onSuccess: () => onOpenChange(false) })}
    >
      <p>{summary}</p>
      <p>{waitlisted ? t('sessions.confirm.leaveBody') : t('sessions.confirm.cancelBody')}</p>
    </ConfirmDialog>
  );
}
