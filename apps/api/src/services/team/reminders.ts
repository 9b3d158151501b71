import type { ReminderPreview, ReminderRequest, ReminderResult } from '@kenshu/contracts';
import { insertAudit, remindedSince, runInTransaction } from '@kenshu/db';
import {
  currentFiscalYear,
  reminderSkipReason,
  tokyoDateOf,
  validation,
  type MessageLocale,
  type ReminderSkipReason,
} from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { requireViewer } from '../../lib/service-context.ts';
import { courseFacts, personFacts } from '../messages/facts.ts';
import {
  loadTemplates,
  publicBase,
  sendMessages,
  writeMail,
  type Outgoing,
} from '../messages/send.ts';
import { ALL_MATCHING, peopleMatching } from './team-status.ts';

/** Kinds that count as "reminded" for the per-person cap, whoever or whatever sent them. */
const REMINDER_KINDS = ['training.reminder', 'reminder.digest'] as const;
/** Past this many people, ask for everyone's last reminder rather than list the ids. */
const MAX_LISTED_IDS = 10_000;
/** People named per reason in a preview; the count says how many more. */
const NAMED_IN_PREVIEW = 50;

const SKIP_ORDER: readonly ReminderSkipReason[] = [
  'sender',
  'completed',
  'already_booked',
  'reminded_recently',
];

interface Person {
  staffId: number;
  staffNumber: string;
  name: string;
  hasAddress: boolean;
}

/**
 * Who of the people matching the filter (and, if given, chosen by id) a reminder reaches and
 * who it skips and why, by the domain's rule. Only the current fiscal year can be chased.
 */
async function decide(ctx: ServiceContext, input: ReminderRequest) {
  const viewer = requireViewer(ctx);
  const fiscalYear = currentFiscalYear(ctx.now);
  if (input.filter.fiscalYear !== undefined && input.filter.fiscalYear !== fiscalYear) {
    throw validation('Reminders can only be sent for the current fiscal year', {
      fiscalYear: input.filter.fiscalYear,
      currentFiscalYear: fiscalYear,
    });
  }
  const { course, rows } = await peopleMatching(
    ctx,
    { ...input.filter, fiscalYear },
    { limit: ALL_MATCHING, offset: 0 },
  );
  const chosen = input.staffIds ? new Set(input.staffIds) : null;
  const matching = chosen ? rows.filter((r) => chosen.has(r.id)) : rows;
  const ids = matching.map((r) => r.id);
  const since = new Date(ctx.now.getTime() - ctx.config.reminderCapDays * 86_400_000);
  const last = await remindedSince(
    ctx.db,
    ids.length > MAX_LISTED_IDS ? 'all' : ids,
    REMINDER_KINDS,
    since,
  );
  const recipients: Person[] = [];
  const skipped = new Map<ReminderSkipReason, Person[]>();
  for (const r of matching) {
    const person = {
      staffId: r.id,
      staffNumber: r.staff_number,
      name: `${r.family_name} ${r.given_name}`,
      hasAddress: r.email.trim() !== '',
    };
    const reason = reminderSkipReason(
      { staffId: r.id, status: r.status, lastRemindedAt: last.get(r.id) },
      { senderStaffId: viewer.staffId, now: ctx.now, capDays: ctx.config.reminderCapDays },
    );
    if (reason === null) recipients.push(person);
    else skipped.set(reason, [...(skipped.get(reason) ?? []), person]);
  }
  // Ascending ids: concurrent sends meet the outbox's unique key in the same order, so one wins
  // every row and the others wait, then find them taken (no deadlock, no double send).
  recipients.sort((a, b) => a.staffId - b.staffId);
  return { viewer, course, fiscalYear, matching, recipients, skipped };
}

function reminderOf(
  decided: Awaited<ReturnType<typeof decide>>,
  sender: { name: string },
  staffId: number,
  today: string,
  message: string | undefined,
): Outgoing {
  return {
    kind: 'training.reminder',
    staffId,
    // One reminder per person, course and day, however often the button is pressed.
    reason: `training.reminder:course:${decided.course.id}`,
    period: today,
    facts: {
      course: courseFacts(decided.course),
      fiscalYear: decided.fiscalYear,
      sender,
      message: message ?? null,
    },
  };
}

const named = (people: readonly Person[]) =>
  people
    .slice(0, NAMED_IN_PREVIEW)
    .map(({ staffId, staffNumber, name }) => ({ staffId, staffNumber, name }));

/**
 * What "Remind" would do, without doing it: how many it reaches, who is skipped and why, who has
 * no e-mail address (a notice in the app only), and the message in Japanese and English.
 */
export async function previewReminders({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ReminderRequest;
}): Promise<ReminderPreview> {
  const decided = await decide(ctx, input);
  const sender = await personFacts(ctx.db, decided.viewer.staffId);
  const templates = await loadTemplates(ctx.db);
  const example = decided.recipients[0]?.name ?? sender.name;
  const outgoing = reminderOf(decided, sender, 0, tokyoDateOf(ctx.now), input.message);
  const render = (locale: MessageLocale) =>
    writeMail(outgoing, { name: example, locale }, templates, publicBase(ctx.config));
  const noAddress = decided.recipients.filter((p) => !p.hasAddress);
  return {
    course: {
      id: decided.course.id,
      titleJa: decided.course.title_ja,
      titleEn: decided.course.title_en,
    },
    fiscalYear: decided.fiscalYear,
    matching: decided.matching.length,
    recipients: decided.recipients.length,
    skipped: SKIP_ORDER.flatMap((reason) => {
      const people = decided.skipped.get(reason) ?? [];
      return people.length ? [{ reason, count: people.length, people: named(people) }] : [];
    }),
    noAddress: { count: noAddress.length, people: named(noAddress) },
    messages: { ja: render('ja'), en: render('en') },
  };
}

/**
 * Reminds everyone the preview said, by e-mail through the outbox and a notice in the app, in
 * each reader's language. One audit row for the batch, with the count; a repeat (double click,
 * replay, fifty at once) finds the day's reminders already decided and sends nothing twice.
 */
export async function sendReminders({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ReminderRequest;
}): Promise<ReminderResult> {
  const decided = await decide(ctx, input);
  const today = tokyoDateOf(ctx.now);
  const summary = await runInTransaction(ctx.db, async (trx) => {
    const sender = await personFacts(trx, decided.viewer.staffId);
    const sent = await sendMessages(
      trx,
      ctx,
      decided.recipients.map((p) => reminderOf(decided, sender, p.staffId, today, input.message)),
    );
    const reminded = sent.queued.length + sent.noAddress.length + sent.optedOut.length;
    if (reminded > 0) {
      await insertAudit(trx, {
        actorStaffId: decided.viewer.staffId,
        action: 'reminders.sent',
        targetType: 'course',
        targetId: decided.course.id,
        after: {
          fiscalYear: decided.fiscalYear,
          count: reminded,
          filter: input.filter,
          chosen: input.staffIds?.length ?? null,
          message: input.message ?? null,
        },
        requestId: ctx.requestId,
      });
    }
    return sent;
  });
  const skippedBy: Partial<Record<ReminderSkipReason, number>> = {};
  for (const [reason, people] of decided.skipped) skippedBy[reason] = people.length;
  // Decided by someone else a moment ago (another click, another instance): reminded recently.
  const lost = summary.alreadySent.length + summary.inactive.length;
  if (lost) skippedBy.reminded_recently = (skippedBy.reminded_recently ?? 0) + lost;
  const reminded = summary.queued.length + summary.noAddress.length + summary.optedOut.length;
  return {
    reminded,
    // Chosen people outside the filter or the viewer's oversight are skipped too.
    skipped: (input.staffIds ? new Set(input.staffIds).size : decided.matching.length) - reminded,
    skippedBy,
    emailQueued: summary.queued.length,
    noAddress: summary.noAddress.length,
  };
}
