export { bookSession } from './book.ts';
export { cancelBooking } from './cancel.ts';
export { moveBooking } from './move.ts';
