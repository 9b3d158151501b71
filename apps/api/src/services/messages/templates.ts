import type { MessageTemplateView } from '@kenshu/contracts';
import {
  deleteMessageTemplate,
  messageTemplates,
  saveMessageTemplate,
  type Executor,
} from '@kenshu/db';
import {
  MESSAGE_CATALOGUE,
  MESSAGE_KINDS,
  placeholdersOf,
  templateProblems,
  validation,
  type MessageKind,
  type MessageLocale,
} from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { requireAdmin } from '../../lib/service-context.ts';
import { auditedChange } from '../audit/audited-change.ts';

/** Why anyone but an admin is refused here. */
const ADMINS_ONLY = 'Only admins change the wording of messages';

async function views(db: Executor): Promise<MessageTemplateView[]> {
  const saved = new Map((await messageTemplates(db)).map((r) => [`${r.kind}:${r.locale}`, r]));
  return MESSAGE_KINDS.map((kind) => {
    const definition = MESSAGE_CATALOGUE[kind];
    const words = (locale: MessageLocale) => {
      const own = saved.get(`${kind}:${locale}`);
      return own
        ? { subject: own.subject, body: own.body, custom: true }
        : { ...definition.defaults[locale], custom: false };
    };
    return {
      kind,
      mandatory: definition.mandatory,
      placeholders: placeholdersOf(kind),
      ja: words('ja'),
      en: words('en'),
    };
  });
}

async function viewOf(db: Executor, kind: MessageKind) {
  const found = (await views(db)).find((v) => v.kind === kind);
  if (!found) throw new Error(`kind ${kind} vanished from the catalogue`);
  return found;
}

/** Every kind of message with the words it is sent with, in both languages. */
export async function listMessageTemplates({ ctx }: { ctx: ServiceContext }) {
  requireAdmin(ctx, ADMINS_ONLY);
  return { items: await views(ctx.db) };
}

/**
 * Admins' own words for one kind in one language. Refused (naming it) when a placeholder is not
 * one the kind provides, so a message never goes out with a hole where a fact should be.
 */
export async function saveTemplate({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { kind: MessageKind; locale: MessageLocale; subject: string; body: string };
}) {
  const viewer = requireAdmin(ctx, ADMINS_ONLY);
  const problems = templateProblems(input.kind, { subject: input.subject, body: input.body });
  if (problems.length > 0) {
    const unknown = problems.flatMap((p) => (p.placeholder ? [`{{${p.placeholder}}}`] : []));
    const message = unknown.length
      ? `Unknown placeholder ${unknown.join(', ')}; this kind may use ${placeholdersOf(input.kind)
          .map((p) => `{{${p}}}`)
          .join(', ')}`
      : `The template cannot be saved: ${problems.map((p) => `${p.field} ${p.problem}`).join(', ')}`;
    throw validation(message, { problems, placeholders: placeholdersOf(input.kind) });
  }
  return auditedChange(ctx, viewer, async (trx) => {
    const before = await viewOf(trx, input.kind);
    await saveMessageTemplate(trx, {
      kind: input.kind,
      locale: input.locale,
      subject: input.subject,
      body: input.body,
      updated_by: viewer.staffId,
      updated_at: ctx.now,
    });
    return {
      answer: await viewOf(trx, input.kind),
      audit: {
        action: 'message_template.saved',
        targetType: 'org_unit',
        targetId: null,
        before: { kind: input.kind, locale: input.locale, ...before[input.locale] },
        after: { kind: input.kind, locale: input.locale, subject: input.subject, body: input.body },
      },
    };
  });
}

/** Back to the catalogue's words for one kind in one language. */
export async function resetTemplate({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { kind: MessageKind; locale: MessageLocale };
}) {
  const viewer = requireAdmin(ctx, ADMINS_ONLY);
  return auditedChange(ctx, viewer, async (trx) => {
    const reset = await deleteMessageTemplate(trx, input.kind, input.locale);
    return {
      answer: await viewOf(trx, input.kind),
      audit: reset
        ? {
            action: 'message_template.reset',
            targetType: 'org_unit',
            targetId: null,
            after: { kind: input.kind, locale: input.locale },
          }
        : null,
    };
  });
}
