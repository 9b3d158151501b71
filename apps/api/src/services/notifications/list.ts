import { findStaffById, listNotifications as listRows, markNotificationRead } from '@kenshu/db';
import { isMessageKind, notFound, renderMessage, type MessageLocale } from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { requireViewer } from '../../lib/service-context.ts';
import { loadTemplates, type TemplateBook } from '../messages/send.ts';

const UNREADABLE: Record<MessageLocale, { subject: string; body: string }> = {
  ja: { subject: 'お知らせ', body: 'このお知らせの内容は表示できません。' },
  en: { subject: 'Notice', body: 'The content of this notice cannot be shown.' },
};

/** A notice in the reader's words: the same catalogue and templates as its e-mail. */
function noticeText(
  kind: string,
  payload: Record<string, unknown>,
  locale: MessageLocale,
  readerName: string,
  templates: TemplateBook,
) {
  if (!isMessageKind(kind)) return { ...UNREADABLE[locale], linkPath: null };
  try {
    return renderMessage({
      kind,
      // Stored by sendMessages from this kind's facts.
      facts: payload as never,
      locale,
      readerName,
      template: templates.get(`${kind}:${locale}`),
    });
  } catch {
    // A notice written before its kind had facts (older data) still shows, without details.
    return { ...UNREADABLE[locale], linkPath: null };
  }
}

export async function listNotifications({ ctx }: { ctx: ServiceContext }) {
  const viewer = requireViewer(ctx);
  const [rows, templates, me] = await Promise.all([
    listRows(ctx.db, viewer.staffId),
    loadTemplates(ctx.db),
    findStaffById(ctx.db, viewer.staffId),
  ]);
  const name = me ? `${me.family_name} ${me.given_name}` : '';
  return rows.map((n) => {
    const ja = noticeText(n.kind, n.payload, 'ja', name, templates);
    const en = noticeText(n.kind, n.payload, 'en', name, templates);
    return {
      id: n.id,
      kind: n.kind,
      text: {
        ja: { subject: ja.subject, body: ja.body },
        en: { subject: en.subject, body: en.body },
      },
      link: ja.linkPath,
      createdAt: n.created_at.toISOString(),
      readAt: n.read_at?.toISOString() ?? null,
    };
  });
}

/** Marks one of the viewer's notifications read; someone else's is "not found". */
export async function readNotification({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { id: number };
}) {
  if (!(await markNotificationRead(ctx.db, requireViewer(ctx).staffId, input.id, ctx.now))) {
    throw notFound('notification');
  }
}
