import { useMemo } from 'react';
import { MyTrainingList } from '../../features/my-training/components/my-training-list.tsx';
import type { BookingActionSlots } from '../../features/my-training/components/requirement-card.tsx';
import {
  AddToCalendarLink,
  CancelBookingButton,
} from '../../features/sessions/components/booking-buttons.tsx';
import { useBookingSync } from './booking-sync.ts';

/**
 * My training with its booking actions plugged in: the list comes from the my-training feature,
 * cancelling and calendar files from the sessions feature. Used by the page and the home card.
 */
export function MyTrainingPanel({ headingLevel = 3 }: { headingLevel?: 2 | 3 }) {
  const onChanged = useBookingSync();
  const slots = useMemo<BookingActionSlots>(
    () => ({
      cancel: (booking, { variant, summary }) => (
        <CancelBookingButton
          bookingId={booking.id}
          waitlisted={booking.status === 'waitlisted'}
          summary={summary}
          variant={variant}
          onChanged={onChanged}
        />
      ),
      addToCalendar: (booking, { variant }) => (
        <AddToCalendarLink bookingId={booking.id} variant={variant} />
      ),
    }),
    [onChanged],
  );
  return <MyTrainingList slots={slots} headingLevel={headingLevel} />;
}
