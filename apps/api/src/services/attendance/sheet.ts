import { listAttendanceSheet, checkInAttemptsOf, checkInRequestsOf } from '@kenshu/db';
import { tokyoTimestamp } from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { sessionForItsTrainers } from '../../lib/service-context.ts';
import { toPersonOnList } from '../staff/on-list.ts';
import { lockAt, markingOpensAt } from './marking-rules.ts';
import { toCsv } from '../../lib/csv.ts';

/**
 * The trainer's view of a session: everyone booked and every walk-in, with their marks; the
 * self check-in requests from people without a booking; and who typed wrong codes.
 */
export async function attendanceSheet({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { sessionId: number; q?: string | undefined };
}) {
  const { session, role } = await sessionForItsTrainers(
    ctx,
    input.sessionId,
    'Only this session’s trainers and the training office see its attendance',
  );
  const rows = await listAttendanceSheet(ctx.db, session.id, input.q?.trim() || undefined);
  const [requests, attempts] = await Promise.all([
    checkInRequestsOf(ctx.db, session.id),
    checkInAttemptsOf(ctx.db, session.id),
  ]);
  const limit = ctx.config.checkInWrongCodeLimit;
  const lock = lockAt(session, ctx.config);
  const opens = markingOpensAt(session, ctx.config);
  return {
    sessionId: session.id,
    startsAt: session.starts_at.toISOString(),
    endsAt: session.ends_at.toISOString(),
    finalisedAt: session.finalised_at?.toISOString() ?? null,
    markingOpensAt: opens.toISOString(),
    lockedAt: lock.toISOString(),
    canMark:
      session.status === 'scheduled' && ctx.now >= opens && (role === 'admin' || ctx.now < lock),
    entries: rows.map((r) => ({
      ...toPersonOnList(r),
      booked: r.booking_id !== null,
      walkIn: r.is_walk_in ?? false,
      mark: r.mark,
      note: r.note,
      via: r.via,
      checkedInAt: r.checked_in_at?.toISOString() ?? null,
      markedAt: r.marked_at?.toISOString() ?? null,
    })),
    checkInRequests: requests.map((r) => ({
      ...toPersonOnList(r),
      status: r.status,
      requestedAt: r.requested_at.toISOString(),
      decidedAt: r.decided_at?.toISOString() ?? null,
    })),
    checkInAttempts: attempts.map((a) => ({
      staffId: a.staff_id,
      staffNumber: a.staff_number,
      name: `${a.family_name} ${a.given_name}`,
      wrongCodes: a.wrong_codes,
      locked: a.wrong_codes >= limit,
      lastWrongAt: a.last_wrong_at?.toISOString() ?? null,
    })),
    wrongCodeLimit: limit,
  };
}

const MARK_LABELS = {
  ja: { present: '出席', late: '遅刻', absent: '欠席', excused: '公欠', none: '未記録' },
  en: {
    present: 'Present',
    late: 'Late',
    absent: 'Absent',
    excused: 'Excused',
    none: 'Not marked',
  },
} as const;

/**
 * The attendance sheet with marks as CSV, UTF-8 with a BOM so spreadsheet programs show the
 * Japanese.
 */
export async function attendanceCsv({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { sessionId: number; lang: 'ja' | 'en' };
}): Promise<string> {
  const sheet = await attendanceSheet({ ctx, input: { sessionId: input.sessionId } });
  const labels = MARK_LABELS[input.lang];
  const header =
    input.lang === 'ja'
      ? ['職員番号', '氏名', 'ふりがな', '所属', '出欠', '飛び入り', 'セルフチェックイン', '備考']
      : ['Staff number', 'Name', 'Kana', 'Unit', 'Mark', 'Walk-in', 'Self check-in', 'Note'];
  const rows = sheet.entries.map((e) => [
    e.staffNumber,
    e.name,
    e.nameKana,
    input.lang === 'ja' ? e.unitJa : e.unitEn,
    labels[e.mark ?? 'none'],
    e.walkIn ? (input.lang === 'ja' ? 'はい' : 'yes') : '',
    tokyoTimestamp(e.checkedInAt),
    e.note ?? '',
  ]);
  return toCsv(header, rows);
}
