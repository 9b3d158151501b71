import { AUDIT_TARGET_TYPES, isAuditAction, type AuditTargetType } from '@kenshu/domain';
import { AUDIT_ACTION_LABELS } from '../../../locales/audit-actions.ts';
import type { Language } from '../../../lib/i18n.ts';

/** Words for an audit-log code; undefined for a code this version of the app does not know. */
export function actionLabel(action: string, lang: Language): string | undefined {
  return isAuditAction(action) ? AUDIT_ACTION_LABELS[lang][action] : undefined;
}

export const TARGET_TYPES: readonly AuditTargetType[] = AUDIT_TARGET_TYPES;

export function isKnownTargetType(type: string): type is AuditTargetType {
  return TARGET_TYPES.some((known) => known === type);
}
