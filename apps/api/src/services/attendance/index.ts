export { setMarks, markAllUnmarkedPresent, addWalkIn } from './mark.ts';
export { finaliseRoster, autoFinaliseJob } from './finalise.ts';
export { checkIn, currentCheckInCode } from './check-in.ts';
