/** Japanese words of a session's phase (scheduled, held, finalised…); ja.ts includes them under `sessionPhase`. */
export const sessionPhaseJa = {
  scheduled: '予定',
  in_progress: '実施中',
  awaiting_roster: '実施済み・出欠未確定',
  finalised: '出欠確定済み',
  cancelled: '中止',
};
