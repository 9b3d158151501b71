import type { Executor } from '../connection.ts';
import { insertOrgUnits } from '../repositories/org-units.ts';
import { insertStaff } from '../repositories/staff.ts';
import { fiscalYearOf } from '@kenshu/domain';
import { insertCourse } from '../repositories/courses.ts';
import { insertTrainingSessions, setSessionTrainers } from '../repositories/training-sessions.ts';
import type {
  CompletionModes,
  Course,
  CourseAudience,
  NewOrgUnit,
  NewStaff,
  OrgUnit,
  Staff,
  TrainingSession,
} from '../schema.ts';

let counter = 0;
/** A value unique within this test process, for codes and staff numbers. */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}${process.pid.toString(36)}${counter.toString(36)}${Math.random().toString(36).slice(2, 6)}`.toUpperCase();
}

/** Creates an org unit (a bureau under no parent unless one is given). */
export async function makeOrgUnit(
  db: Executor,
  overrides: Partial<Omit<NewOrgUnit, 'path' | 'depth'>> = {},
): Promise<OrgUnit> {
  const code = overrides.code ?? unique('U');
  const [unit] = await insertOrgUnits(db, [
    {
      code,
      parent_id: null,
      kind: 'bureau',
      name_ja: `部局${code}`,
      name_en: `Bureau ${code}`,
      ...overrides,
    },
  ]);
  if (!unit) throw new Error('makeOrgUnit inserted nothing');
  return unit;
}

/** Creates a staff member, in a new unit unless one is given. */
export async function makeStaff(db: Executor, overrides: Partial<NewStaff> = {}): Promise<Staff> {
  const staffNumber = overrides.staff_number ?? unique('S');
  const orgUnitId = overrides.org_unit_id ?? (await makeOrgUnit(db)).id;
  const [staff] = await insertStaff(db, [
    {
      staff_number: staffNumber,
      family_name: '試験',
      given_name: '太郎',
      family_name_kana: 'しけん',
      given_name_kana: 'たろう',
      email: `${staffNumber.toLowerCase()}@test.kenshu.example`,
      org_unit_id: orgUnitId,
      employment_type: 'regular',
      ...overrides,
    },
  ]);
  if (!staff) throw new Error('makeStaff inserted nothing');
  return staff;
}

/** Creates a course (for all staff, attend or e-learn, unless told otherwise). */
export async function makeCourse(
  db: Executor,
  overrides: Partial<{
    code: string;
    audience: CourseAudience;
    completion_modes: CompletionModes;
    active: boolean;
  }> = {},
): Promise<Course> {
  const code = overrides.code ?? unique('C');
  return insertCourse(db, {
    code,
    title_ja: `研修${code}`,
    title_en: `Course ${code}`,
    audience: JSON.stringify(overrides.audience ?? { kind: 'all_staff' }),
    completion_modes: overrides.completion_modes ?? 'either',
    active: overrides.active ?? true,
  });
}

/**
 * Creates a session of a course. By default it starts in 10 days, booking is open now and closes
 * in 9 days; pass hours relative to now to build past, closed or not-yet-open sessions.
 */
export async function makeSession(
  db: Executor,
  options: {
    courseId: number;
    capacity?: number;
    startsInHours?: number;
    durationMinutes?: number;
    cutoffInHours?: number;
    opensInHours?: number;
    trainerIds?: number[];
    now?: Date;
  },
): Promise<TrainingSession> {
  const now = options.now ?? new Date();
  const hours = (h: number) => new Date(now.getTime() + h * 3600_000);
  const startsAt = hours(options.startsInHours ?? 240);
  const [session] = await insertTrainingSessions(db, [
    {
      course_id: options.courseId,
      fiscal_year: fiscalYearOf(startsAt),
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + (options.durationMinutes ?? 90) * 60_000),
      venue: '本省 第1会議室',
      online_url: null,
      capacity: options.capacity ?? 20,
      booking_opens_at: hours(options.opensInHours ?? -1),
      booking_cutoff_at: hours(options.cutoffInHours ?? (options.startsInHours ?? 240) - 24),
      min_attendance: null,
    },
  ]);
  if (!session) throw new Error('makeSession inserted nothing');
  if (options.trainerIds) await setSessionTrainers(db, session.id, options.trainerIds);
  return session;
}

/**
 * Confirmed seats for these people, written straight into the database with the session's seat
 * count, for sessions the booking service would refuse to book (they have already begun).
 */
export async function makeConfirmedBookings(
  db: Executor,
  session: TrainingSession,
  staffIds: readonly number[],
): Promise<void> {
  if (staffIds.length === 0) return;
  await db
    .insertInto('booking')
    .values(
      staffIds.map((staffId) => ({
        session_id: session.id,
        course_id: session.course_id,
        fiscal_year: session.fiscal_year,
        staff_id: staffId,
        status: 'confirmed' as const,
        booked_by: staffId,
      })),
    )
    .execute();
  await db
    .updateTable('training_session')
    .set((eb) => ({ seats_taken: eb('seats_taken', '+', staffIds.length) }))
    .where('id', '=', session.id)
    .execute();
}
