import { lazy, Suspense } from 'react';
import { useTranslation } from '../../../lib/i18n.ts';
import { useOverlayState } from '../../../lib/use-overlay-state.ts';
import { NativeButton } from '../../../components/native-button.tsx';
import './sessions.css';
import { bookingCalendarUrl, type BookingChangeOptions } from '../api/bookings.ts';

// The question loads with its first asking: My training and the home page show these buttons on
// every booking, and the modal (react-aria's overlay, focus trap), the cancel call and the words
// for its failures are not needed to show them.
const CancelBookingDialog = lazy(() =>
  import('./cancel-booking-dialog.tsx').then((m) => ({ default: m.CancelBookingDialog })),
);

export interface CancelBookingButtonProps extends BookingChangeOptions {
  bookingId: number;
  /** A waitlist place is "left", a seat "cancelled". */
  waitlisted: boolean;
  /** The session in words (course, day and time), for the question. */
  summary: string;
  variant?: 'primary' | 'secondary';
}

/** "Cancel" (a seat) or "Leave waitlist", asking first. */
export function CancelBookingButton({
  bookingId,
  waitlisted,
  summary,
  variant = 'secondary',
  onChanged,
}: CancelBookingButtonProps) {
  const { t } = useTranslation();
  const { isOpen, wasOpened, setOpen } = useOverlayState();
  const label = waitlisted ? t('sessions.actions.leaveWaitlist') : t('sessions.actions.cancel');
  return (
    <>
      <NativeButton variant={variant} onPress={() => setOpen(true)}>
        {label}
      </NativeButton>
      {wasOpened ? (
        <Suspense fallback={null}>
          <CancelBookingDialog
            bookingId={bookingId}
            waitlisted={waitlisted}
            summary={summary}
            isOpen={isOpen}
            onOpenChange={setOpen}
            onChanged={onChanged}
          />
        </Suspense>
      ) : null}
    </>
  );
}

/** Downloads the booking as an .ics file, which calendar apps open as an event. */
export function AddToCalendarLink({
  bookingId,
  variant = 'secondary',
}: {
  bookingId: number;
  variant?: 'primary' | 'secondary';
}) {
  const { t } = useTranslation();
  return (
    <a className={`button button--${variant}`} href={bookingCalendarUrl(bookingId)} download>
      {t('sessions.actions.addToCalendar')}
    </a>
  );
}
