import type { TrainingRecord } from '@kenshu/contracts';
import {
  assignableModuleOf,
  bookingsOfPerson,
  completionsOf,
  findOrgUnitById,
  findStaffById,
  findTrainingSession,
  listCourses,
  openAssignmentsOf,
  requirementFactsOf,
  waitlistPosition,
} from '@kenshu/db';
import {
  canCancelSelf,
  canSeePerson,
  currentFiscalYear,
  notFound,
  requirementStatus,
  tokyoDateOf,
} from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { requireViewer } from '../../lib/service-context.ts';
import { audienceMemberOf, isRequired } from '../courses/audience.ts';
import { toCourse } from '../courses/catalogue.ts';

/**
 * A person's training record for a fiscal year: each course they must take (or did take) with
 * where they stand. The status is the domain's requirementStatus over the same facts the team
 * page counts; the rest is the detail the card shows for that status.
 */
export async function trainingRecord({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { staffId?: number | undefined; fiscalYear?: number | undefined };
}): Promise<TrainingRecord> {
  const viewer = requireViewer(ctx);
  const staffId = input.staffId ?? viewer.staffId;
  const staff = await findStaffById(ctx.db, staffId);
  const unit = staff && (await findOrgUnitById(ctx.db, staff.org_unit_id));
  if (!staff || !unit || !canSeePerson(viewer, { staffId, unitPath: unit.path }))
    throw notFound('staff member');
  const fiscalYear = input.fiscalYear ?? currentFiscalYear(ctx.now);
  const [courses, member, completions, bookings, assignments] = await Promise.all([
    listCourses(ctx.db),
    audienceMemberOf(ctx.db, staffId),
    completionsOf(ctx.db, staffId, fiscalYear),
    bookingsOfPerson(ctx.db, staffId, fiscalYear),
    openAssignmentsOf(ctx.db, staffId, fiscalYear),
  ]);
  const factsByCourse = await requirementFactsOf(
    ctx.db,
    staffId,
    courses.map((c) => c.id),
    { fiscalYear, now: ctx.now, today: tokyoDateOf(ctx.now) },
  );
  const items = [];
  for (const course of courses) {
    const required = member ? await isRequired(ctx.db, course, member) : false;
    const facts = factsByCourse.get(course.id);
    const completion = completions.find((c) => c.course_id === course.id) ?? null;
    const mine = bookings.filter((b) => b.course_id === course.id);
    if (!facts || (!required && !completion && !mine.some((b) => b.status !== 'cancelled')))
      continue;
    const toMine = async (b: (typeof mine)[number]) => ({
      id: b.id,
      sessionId: b.session_id,
      status: b.status,
      waitlistPosition: b.status === 'waitlisted' ? await waitlistPosition(ctx.db, b) : null,
      startsAt: b.starts_at.toISOString(),
      endsAt: b.ends_at.toISOString(),
      venue: b.venue,
      onlineUrl: b.online_url,
      bookingCutoffAt: b.booking_cutoff_at.toISOString(),
      canCancel: canCancelSelf({ bookingCutoffAt: b.booking_cutoff_at }, ctx.now),
    });
    // The same lines the facts draw: a seat ahead is one whose session has not ended; a seat
    // on a session that has ended is the past, whatever its attendance sheet says.
    const seats = mine.filter((b) => b.status === 'confirmed');
    const upcoming = seats.find((b) => b.closed_at === null && b.ends_at > ctx.now);
    const past = seats.filter((b) => b.ends_at <= ctx.now).at(-1);
    const waits = mine.filter((b) => b.status === 'waitlisted' && b.starts_at > ctx.now);
    const assignment = assignments.find((a) => a.course_id === course.id);
    const attendedAt =
      completion?.kind === 'attended' && completion.session_id !== null
        ? (await findTrainingSession(ctx.db, completion.session_id))?.starts_at
        : undefined;
    items.push({
      course: toCourse(course),
      required,
      status: requirementStatus({ ...facts, required }),
      completion: completion
        ? {
            kind: completion.kind,
            recordedAt: completion.recorded_at.toISOString(),
            completedOn: tokyoDateOf(attendedAt ?? completion.recorded_at),
            score: completion.score,
          }
        : null,
      booking: upcoming ? await toMine(upcoming) : null,
      waits: await Promise.all(waits.map(toMine)),
      pastSession: past
        ? {
            bookingId: past.id,
            sessionId: past.session_id,
            startsAt: past.starts_at.toISOString(),
            endsAt: past.ends_at.toISOString(),
            venue: past.venue,
            mark: past.mark,
            finalised: past.session_finalised_at !== null,
          }
        : null,
      eLearningModuleId:
        course.completion_modes === 'group_session'
          ? null
          : ((await assignableModuleOf(ctx.db, course.id)) ?? null),
      assignment: assignment
        ? {
            id: assignment.id,
            dueOn: assignment.due_on,
            moduleId: assignment.module_id,
            overdue: facts.eLearningOverdue,
            started: facts.eLearningStarted,
            source: assignment.source,
          }
        : null,
    });
  }
  return { staffId, fiscalYear, items };
}
