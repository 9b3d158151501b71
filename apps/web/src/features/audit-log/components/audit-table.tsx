import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/dates.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import type { AuditEntry } from '../api/search-audit-log.ts';
import { ACTION_LABELS, isKnownAction, isKnownTargetType } from '../utils/labels.ts';
import './audit-log.css';

const COLUMNS = ['at', 'actor', 'action', 'target', 'changes'] as const;

/**
 * One page of audit entries. A plain HTML table rather than the shared grid: each row holds a
 * disclosure (<details>) with the before/after values, and a grid's arrow-key navigation would
 * fight the disclosure for the keyboard.
 */
export function AuditTable({ label, entries }: { label: string; entries: readonly AuditEntry[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <div className="table-frame">
      <table className="table audit-table">
        <caption className="visually-hidden">{label}</caption>
        <thead className="table__header">
          <tr>
            {COLUMNS.map((column) => (
              <th key={column} scope="col" className="table__column">
                {t(`auditLog.columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="table__body">
          {entries.map((entry) => (
            <tr key={entry.id} className="table__row">
              <td className="table__cell audit-table__time">
                <time dateTime={entry.at}>{formatDateTime(new Date(entry.at), lang)}</time>
              </td>
              <td className="table__cell">
                {entry.actor ? (
                  <>
                    <span className="audit-table__actor" lang="ja">
                      {entry.actor.name}
                    </span>
                    <span className="staff-number">{entry.actor.staffNumber}</span>
                  </>
                ) : (
                  <span className="muted">{t('auditLog.system')}</span>
                )}
              </td>
              <td className="table__cell">
                {isKnownAction(entry.action) ? (
                  <span className="audit-table__action">{t(ACTION_LABELS[entry.action])}</span>
                ) : null}
                <code className="audit-table__code">{entry.action}</code>
              </td>
              <td className="table__cell audit-table__target">
                {t('auditLog.target', {
                  type: isKnownTargetType(entry.targetType)
                    ? t(`auditLog.targetTypes.${entry.targetType}`)
                    : entry.targetType,
                  id: entry.targetId ?? '—',
                })}
              </td>
              <td className="table__cell">
                <Changes before={entry.before} after={entry.after} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined;
}

/** Before and after, as indented JSON behind a disclosure (they can be long). */
function Changes({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  if (isEmpty(before) && isEmpty(after)) {
    return <span className="muted">{t('auditLog.changes.none')}</span>;
  }
  return (
    <details className="audit-changes">
      <summary className="audit-changes__summary">{t('auditLog.changes.show')}</summary>
      <dl className="audit-changes__values">
        <ChangedValue label={t('auditLog.changes.before')} value={before} />
        <ChangedValue label={t('auditLog.changes.after')} value={after} />
      </dl>
    </details>
  );
}

function ChangedValue({ label, value }: { label: string; value: unknown }) {
  const { t } = useTranslation();
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        {isEmpty(value) ? (
          <span className="muted">{t('auditLog.changes.none')}</span>
        ) : (
          <pre className="audit-changes__json">{JSON.stringify(value, null, 2)}</pre>
        )}
      </dd>
    </div>
  );
}
