import {
  defaultBookingCutoff,
  fiscalYearOf,
  fiscalYearRange,
  isWorkingDay,
  tokyoDateOf,
  tokyoDateTime,
  addDays,
} from '@kenshu/domain';
import type { Insertable, Transaction } from 'kysely';
import { insertCourse } from '../repositories/courses.ts';
import { insertTrainingSessions, setSessionTrainers } from '../repositories/training-sessions.ts';
import type { DB } from '../schema.ts';
import { seededRandom } from './names.ts';

type NewBooking = Insertable<DB['booking']>;

/**
 * Demo people whose state the README promises (all in 主計局 総務課, so its section head H0001
 * sees each state on the team page): booked on the next session, first on its waitlist, absent
 * from the latest past session with the e-learning assigned, and completed at that session.
 */
export const DEMO_PEOPLE = {
  booked: 'S0002',
  waitlisted: 'S0003',
  absent: 'S0004',
  completed: 'S0005',
} as const;

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
 * Only the bookings are made here; seedDemoHistory plays out what happened at the past sessions.
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
  // A session a week before the demo starts and one a week after (the previous and next working
  // day at that distance, inside this fiscal year): whatever day the demo starts, someone has
  // just missed a session, someone has just completed one, and someone waits for a seat.
  const around = (direction: -1 | 1): string | undefined => {
    let day = addDays(tokyoDateOf(now), 7 * direction);
    while (!isWorkingDay(day)) day = addDays(day, direction);
    return fiscalYearOf(tokyoDateTime(day, '12:00')) === fy ? day : undefined;
  };
  for (const day of [around(-1), around(1)]) {
    if (!day) continue;
    const startsAt = tokyoDateTime(day, '10:00');
    sessions.push({
      course_id: security.id,
      fiscal_year: fy,
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + 90 * 60_000),
      venue: '本省 第1会議室 / Main building, Conference room 1',
      online_url: null,
      capacity: 30,
      booking_opens_at: opensAt,
      booking_cutoff_at: defaultBookingCutoff(startsAt),
      min_attendance: null,
    });
  }
  const created = await insertTrainingSessions(trx, sessions);
  for (const s of created) await setSessionTrainers(trx, s.id, trainerIds);

  // Bookings only: what happened at the past sessions (marks, the attendance sheet submitted,
  // completions, e-learning for the absent) is played out afterwards by seedDemoHistory, dated by
  // each session. Past security sessions: about half the staff booked one. Future ones: a few
  // bookings, one full.
  const random = seededRandom(8);
  const bySchedule = (a: { starts_at: Date }, b: { starts_at: Date }) =>
    a.starts_at.getTime() - b.starts_at.getTime();
  const securitySessions = created.filter((s) => s.course_id === security.id).sort(bySchedule);
  const past = securitySessions.filter((s) => s.starts_at < now);
  const future = securitySessions.filter((s) => s.starts_at >= now);
  const named = new Set<string>(Object.values(DEMO_PEOPLE));
  const learners = staff.filter(
    (s) =>
      s.staff_number !== 'S0001' && !s.staff_number.startsWith('T') && !named.has(s.staff_number),
  );
  const idOf = (staffNumber: string) => staff.find((s) => s.staff_number === staffNumber)?.id;
  const seats = new Map<number, number>();
  const bookings: NewBooking[] = [];
  const book = (
    session: { id: number; starts_at: Date },
    staffId: number,
    status: 'confirmed' | 'waitlisted',
  ) => {
    // Booked a fortnight before the session (or when booking opened, if later).
    const at = new Date(Math.max(opensAt.getTime(), session.starts_at.getTime() - 14 * 86_400_000));
    bookings.push({
      session_id: session.id,
      course_id: security.id,
      fiscal_year: fy,
      staff_id: staffId,
      status,
      booked_by: staffId,
      queued_at: at,
      created_at: at,
      updated_at: at,
    });
    if (status === 'confirmed') seats.set(session.id, (seats.get(session.id) ?? 0) + 1);
  };
  // The named people of the README: one who missed the latest past session, one who came.
  const latest = past.at(-1);
  if (latest) {
    for (const n of [DEMO_PEOPLE.absent, DEMO_PEOPLE.completed]) {
      const id = idOf(n);
      if (id !== undefined) book(latest, id, 'confirmed');
    }
  }
  for (const person of learners) {
    const roll = random();
    const pool = roll < 0.55 ? past : roll < 0.7 ? future.slice(1) : [];
    const session = pool[Math.floor(random() * pool.length)];
    if (!session || (seats.get(session.id) ?? 0) >= session.capacity) continue;
    book(session, person.id, 'confirmed');
  }
  const full = future[0];
  if (full) {
    // A small session that is already full, with people waiting: the demo of the waitlist. The
    // README's booked person holds the first seat, its waitlisted person is first in the queue.
    const others = learners.filter((p) => !bookings.some((b) => b.staff_id === p.id));
    const booked = idOf(DEMO_PEOPLE.booked);
    const waiting = idOf(DEMO_PEOPLE.waitlisted);
    const takers = [
      ...(booked === undefined ? [] : [booked]),
      ...others.slice(0, 4).map((p) => p.id),
      ...(waiting === undefined ? [] : [waiting]),
      ...others.slice(4, 5).map((p) => p.id),
    ];
    await trx
      .updateTable('training_session')
      .set({ capacity: 5 })
      .where('id', '=', full.id)
      .execute();
    takers.forEach((id, i) => book(full, id, i < 5 ? 'confirmed' : 'waitlisted'));
  }
  for (let i = 0; i < bookings.length; i += 1000) {
    const inserted = await trx
      .insertInto('booking')
      .values(bookings.slice(i, i + 1000))
      .returning(['id', 'status', 'staff_id', 'created_at'])
      .execute();
    await trx
      .insertInto('booking_event')
      .values(
        inserted.map((b) => ({
          booking_id: b.id,
          at: b.created_at,
          action: b.status === 'confirmed' ? 'booked' : 'waitlisted',
          actor_staff_id: b.staff_id,
          details: null,
        })),
      )
      .execute();
  }
  for (const [sessionId, taken] of seats) {
    await trx
      .updateTable('training_session')
      .set({ seats_taken: taken })
      .where('id', '=', sessionId)
      .execute();
  }
}
