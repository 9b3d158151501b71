import { AppError } from '../errors.ts';

/** A seat if one is free, otherwise a place at the back of the waitlist. */
export function placeFor(seatsTaken: number, capacity: number): 'confirmed' | 'waitlisted' {
  return seatsTaken < capacity ? 'confirmed' : 'waitlisted';
}

export function seatsLeft(seatsTaken: number, capacity: number): number {
  return Math.max(0, capacity - seatsTaken);
}

/** How many waiting people a session can take in after a change (never negative). */
export function promotableCount(seatsTaken: number, capacity: number, waiting: number): number {
  return Math.min(waiting, seatsLeft(seatsTaken, capacity));
}

/** A capacity may go down, but never below the people already holding seats. */
export function assertCapacity(capacity: number, seatsTaken: number): void {
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new AppError('VALIDATION', 'Capacity must be a whole number of at least 1', {
      field: 'capacity',
    });
  }
  if (capacity < seatsTaken) {
    throw new AppError(
      'CAPACITY_BELOW_BOOKED',
      `${seatsTaken} people are already booked; capacity cannot go below that`,
      {
        seatsTaken,
      },
    );
  }
}
