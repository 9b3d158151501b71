export { setMarks, markAllUnmarkedPresent, addWalkIn } from './mark.ts';
export { finaliseRoster, finaliseOverdueRosters } from './finalise.ts';
export { checkIn, currentCheckInCode } from './check-in.ts';
