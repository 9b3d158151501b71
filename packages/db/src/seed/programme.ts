import {
  defaultBookingCutoff,
  fiscalYearOf,
  fiscalYearRange,
  isWorkingDay,
  tokyoDateTime,
  addDays,
} from '@kenshu/domain';
import type { Transaction } from 'kysely';
import { insertCourse } from '../repositories/courses.ts';
import { insertTrainingSessions, setSessionTrainers } from '../repositories/training-sessions.ts';
import type { DB } from '../schema.ts';
import { seededRandom } from './names.ts';

/** The three courses of the source document. */
export const DEMO_COURSES = {
  security: 'SEC-ALL',
  sectionHead: 'SEC-HEAD',
  pjmo: 'SEC-PJMO',
} as const;

/** The first `count` working days from `from` (inclusive). */
function workingDays(from: string, count: number): string[] {
  const days: string[] = [];
  for (let d = from; days.length < count; d = addDays(d, 1)) if (isWorkingDay(d)) days.push(d);
  return days;
}

/**
 * Seeds the programme of the current fiscal year the way the source document ran it: 10 group
 * sessions in September and 8 in February, two section-head sessions in October, PJMO sessions
 * in September and October, plus one more of each in January so a demo has something to book.
 * Staff who came in September have their attendance recorded.
 */
export async function seedDemoProgramme(
  trx: Transaction<DB>,
  staff: { id: number; staff_number: string; is_section_head: boolean; is_pjmo_member: boolean }[],
  now: Date,
): Promise<void> {
  const fy = fiscalYearOf(now);
  const opensAt = fiscalYearRange(fy).start;
  const security = await insertCourse(trx, {
    code: DEMO_COURSES.security,
    title_ja: '情報セキュリティ研修',
    title_en: 'Information security training',
    description_ja:
      '全職員が年度に1回以上受講する研修です。情報管理7か条を学びます。集合研修またはeラーニングで受講できます。',
    description_en:
      'Every member of staff takes this at least once per fiscal year. It covers the seven rules of information management. Attend a group session or complete the e-learning.',
    audience: JSON.stringify({ kind: 'all_staff' }),
    completion_modes: 'either',
  });
  const sectionHead = await insertCourse(trx, {
    code: DEMO_COURSES.sectionHead,
    title_ja: '課室情報セキュリティ責任者向け研修',
    title_en: 'Security training for section heads',
    description_ja: '課室情報セキュリティ責任者（課室長）の役割と責任を学びます。',
    description_en: 'The duties of a section head as the security officer of their division.',
    audience: JSON.stringify({ kind: 'section_heads' }),
    completion_modes: 'group_session',
  });
  const pjmo = await insertCourse(trx, {
    code: DEMO_COURSES.pjmo,
    title_ja: '情報システムの調達・運用におけるセキュリティ研修（PJMO向け）',
    title_en: 'Security in system procurement and operation (for PJMO staff)',
    description_ja: '最高情報セキュリティアドバイザーによる、PJMO職員向けの年次研修です。',
    description_en: 'The yearly course for PJMO staff, given by the chief security adviser.',
    audience: JSON.stringify({ kind: 'pjmo_members' }),
    completion_modes: 'group_session',
  });

  const trainerIds = staff.filter((s) => s.staff_number.startsWith('T')).map((s) => s.id);
  const plan: {
    courseId: number;
    days: string[];
    times: string[];
    capacity: number;
    venue: string;
  }[] = [
    {
      courseId: security.id,
      days: workingDays(`${fy}-09-01`, 5),
      times: ['10:00', '14:00'],
      capacity: 40,
      venue: '本省 第1会議室 / Main building, Conference room 1',
    },
    {
      courseId: security.id,
      days: workingDays(`${fy + 1}-02-02`, 4),
      times: ['10:00', '14:00'],
      capacity: 30,
      venue: '本省 第1会議室 / Main building, Conference room 1',
    },
    {
      courseId: sectionHead.id,
      days: workingDays(`${fy}-10-05`, 2),
      times: ['15:00'],
      capacity: 20,
      venue: '本省 第2会議室 / Main building, Conference room 2',
    },
    {
      courseId: sectionHead.id,
      days: workingDays(`${fy + 1}-01-18`, 1),
      times: ['15:00'],
      capacity: 20,
      venue: '本省 第2会議室 / Main building, Conference room 2',
    },
    {
      courseId: pjmo.id,
      days: [...workingDays(`${fy}-09-14`, 1), ...workingDays(`${fy}-10-19`, 1)],
      times: ['13:30'],
      capacity: 25,
      venue: '本省 講堂 / Main building, Auditorium',
    },
    {
      courseId: pjmo.id,
      days: workingDays(`${fy + 1}-01-25`, 1),
      times: ['13:30'],
      capacity: 25,
      venue: '本省 講堂 / Main building, Auditorium',
    },
  ];
  const sessions = [];
  for (const p of plan) {
    for (const day of p.days) {
      for (const time of p.times) {
        const startsAt = tokyoDateTime(day, time);
        sessions.push({
          course_id: p.courseId,
          fiscal_year: fy,
          starts_at: startsAt,
          ends_at: new Date(startsAt.getTime() + 90 * 60_000),
          venue: p.venue,
          online_url: null,
          capacity: p.capacity,
          booking_opens_at: opensAt,
          booking_cutoff_at: defaultBookingCutoff(startsAt),
          min_attendance: null,
        });
      }
    }
  }
  const created = await insertTrainingSessions(trx, sessions);
  for (const s of created) await setSessionTrainers(trx, s.id, trainerIds);

  // Past security sessions: about half the staff came. Future ones: a few bookings, one full.
  const random = seededRandom(8);
  const securitySessions = created.filter((s) => s.course_id === security.id);
  const past = securitySessions.filter((s) => s.starts_at < now);
  const future = securitySessions.filter((s) => s.starts_at >= now);
  const learners = staff.filter(
    (s) => s.staff_number !== 'S0001' && !s.staff_number.startsWith('T'),
  );
  const seats = new Map<number, number>();
  const bookings: {
    session_id: number;
    course_id: number;
    fiscal_year: number;
    staff_id: number;
    status: 'confirmed' | 'waitlisted';
    booked_by: number;
  }[] = [];
  const completions: {
    staff_id: number;
    course_id: number;
    fiscal_year: number;
    kind: 'attended';
    session_id: number;
    recorded_by: number | null;
  }[] = [];
  for (const person of learners) {
    const roll = random();
    const pool = roll < 0.55 ? past : roll < 0.7 ? future.slice(1) : [];
    const session = pool[Math.floor(random() * pool.length)];
    if (!session || (seats.get(session.id) ?? 0) >= session.capacity) continue;
    seats.set(session.id, (seats.get(session.id) ?? 0) + 1);
    bookings.push({
      session_id: session.id,
      course_id: security.id,
      fiscal_year: fy,
      staff_id: person.id,
      status: 'confirmed',
      booked_by: person.id,
    });
    if (session.starts_at < now) {
      completions.push({
        staff_id: person.id,
        course_id: security.id,
        fiscal_year: fy,
        kind: 'attended',
        session_id: session.id,
        recorded_by: trainerIds[0] ?? null,
      });
    }
  }
  const full = future[0];
  if (full) {
    // A small session that is already full, with people waiting: the demo of the waitlist.
    const takers = learners.filter((p) => !bookings.some((b) => b.staff_id === p.id)).slice(0, 7);
    await trx
      .updateTable('training_session')
      .set({ capacity: 5 })
      .where('id', '=', full.id)
      .execute();
    takers.forEach((p, i) => {
      bookings.push({
        session_id: full.id,
        course_id: security.id,
        fiscal_year: fy,
        staff_id: p.id,
        status: i < 5 ? 'confirmed' : 'waitlisted',
        booked_by: p.id,
      });
    });
    seats.set(full.id, 5);
  }
  for (let i = 0; i < bookings.length; i += 1000) {
    await trx
      .insertInto('booking')
      .values(bookings.slice(i, i + 1000))
      .execute();
  }
  for (const [sessionId, taken] of seats) {
    await trx
      .updateTable('training_session')
      .set({ seats_taken: taken })
      .where('id', '=', sessionId)
      .execute();
  }
  for (let i = 0; i < completions.length; i += 1000) {
    await trx
      .insertInto('completion')
      .values(completions.slice(i, i + 1000))
      .execute();
  }
}
