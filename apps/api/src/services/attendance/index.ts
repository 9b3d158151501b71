export { setMarks, markAllUnmarkedPresent, addWalkIn } from './mark.ts';
export { finaliseAttendanceSheet, finaliseOverdueAttendanceSheets } from './finalise.ts';
export { checkIn, currentCheckInCode } from './check-in.ts';
