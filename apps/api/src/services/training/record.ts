import type { TrainingRecord } from '@kenshu/contracts';
import {
  bookingsOfPerson,
  completionsOf,
  findOrgUnitById,
  findStaffById,
  listCourses,
  openAssignmentsOf,
  waitlistPosition,
} from '@kenshu/db';
import {
  canCancelSelf,
  canSeePerson,
  currentFiscalYear,
  notFound,
  requirementStatus,
} from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { requireViewer } from '../../lib/service-context.ts';
import { audienceMemberOf, isRequired } from '../courses/audience.ts';
import { toCourse } from '../courses/catalogue.ts';

/**
 * A person's training record for a fiscal year: each course they must take (or did take) with
 * where they stand, derived from completion events, bookings and assignments.
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
    throw notFound('staff member', { id: staffId });
  const fiscalYear = input.fiscalYear ?? currentFiscalYear(ctx.now);
  const [courses, member, completions, bookings, assignments] = await Promise.all([
    listCourses(ctx.db),
    audienceMemberOf(ctx.db, staffId),
    completionsOf(ctx.db, staffId, fiscalYear),
    bookingsOfPerson(ctx.db, staffId, fiscalYear),
    openAssignmentsOf(ctx.db, staffId, fiscalYear),
  ]);
  const items = [];
  for (const course of courses) {
    const required = member ? await isRequired(ctx.db, course, member) : false;
    const completion = completions.find((c) => c.course_id === course.id) ?? null;
    const live = bookings.filter((b) => b.course_id === course.id && b.status !== 'cancelled');
    if (!required && !completion && live.length === 0) continue;
    const toMine = async (b: (typeof live)[number]) => ({
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
    const seat = live.find((b) => b.status === 'confirmed');
    const waits = live.filter((b) => b.status === 'waitlisted');
    const assignment = assignments.find((a) => a.course_id === course.id);
    items.push({
      course: toCourse(course),
      required,
      status: requirementStatus({
        required,
        completed: completion !== null,
        hasConfirmedBooking: seat !== undefined,
        waitingCount: waits.length,
        hasOpenAssignment: assignment !== undefined,
      }),
      completion: completion
        ? { kind: completion.kind, recordedAt: completion.recorded_at.toISOString() }
        : null,
      booking: seat ? await toMine(seat) : null,
      waits: await Promise.all(waits.map(toMine)),
      assignment: assignment
        ? { id: assignment.id, dueOn: assignment.due_on, moduleId: assignment.module_id }
        : null,
    });
  }
  return { staffId, fiscalYear, items };
}
