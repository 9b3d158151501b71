import type { WalkInCandidate } from '@kenshu/contracts';
import { findWalkInCandidates } from '@kenshu/db';
import { AppError } from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { sessionForItsTrainers } from '../../lib/service-context.ts';
import { toPersonOnList } from '../staff/on-list.ts';
import { lockAt, markingOpensAt } from './marking-rules.ts';

/** At most this many people come back: a search, not a way to page through the ministry. */
const LIMIT = 10;

/**
 * A search as typed on a phone, as words to match: full-width letters and digits narrowed,
 * katakana turned into hiragana (kana are stored in hiragana), split on any space.
 */
export function searchWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .replace(/[\u30a1-\u30f6]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60))
    .split(/[\s\u3000]+/)
    .filter(Boolean)
    .slice(0, 5);
}

/**
 * People a trainer may add as walk-ins, found by name, kana or staff number. Only the session's
 * trainers, and only while they may mark it (from check-in opening until the lock), or admins:
 * the directory is not open to trainers otherwise.
 */
export async function findWalkIns({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { sessionId: number; q: string };
}): Promise<{ items: WalkInCandidate[] }> {
  const { session, role } = await sessionForItsTrainers(
    ctx,
    input.sessionId,
    'Only this session’s trainers and the training office add walk-ins',
  );
  if (role === 'trainer') {
    if (session.status === 'cancelled')
      throw new AppError('SESSION_CANCELLED', 'This session was cancelled');
    if (ctx.now < markingOpensAt(session, ctx.config))
      throw new AppError('ATTENDANCE_NOT_OPEN', 'Walk-ins can be added once check-in opens');
    if (ctx.now >= lockAt(session, ctx.config))
      throw new AppError('ATTENDANCE_LOCKED', 'These marks are locked');
  }
  const rows = await findWalkInCandidates(ctx.db, session.id, searchWords(input.q), LIMIT);
  return {
    items: rows.map((r) => ({
      ...toPersonOnList(r),
      // The answer's field keeps its earlier name: the API's fields stay put.
      onRoster: r.on_sheet,
    })),
  };
}
