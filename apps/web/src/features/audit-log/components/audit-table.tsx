import { Link } from '../../../components/link.tsx';
import { formatDateTime, tokyoDayTime } from '../../../lib/dates.ts';
import { useLanguage, useTranslation } from '../../../lib/i18n.ts';
import type { AuditEntry } from '../api/search-audit-log.ts';
import { actionLabel, isKnownTargetType } from '../utils/labels.ts';
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
                {actionLabel(entry.action, lang) ? (
                  <span className="audit-table__action">{actionLabel(entry.action, lang)}</span>
                ) : null}
                <code className="audit-table__code">{entry.action}</code>
              </td>
              <td className="table__cell audit-table__target">
                <AuditTargetName entry={entry} />
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

/**
 * The target by name (course title, session day and venue, person), linked to where it is
 * managed; under it, its kind and id in small print, as the filters and the export know it.
 */
function AuditTargetName({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const reference = t('auditLog.target', {
    type: isKnownTargetType(entry.targetType)
      ? t(`auditLog.targetTypes.${entry.targetType}`)
      : entry.targetType,
    id: entry.targetId ?? '—',
  });
  const target = entry.target;
  if (!target) return <span>{reference}</span>;
  const title = (ja: string, en: string) => (lang === 'en' ? en : ja);
  let name;
  switch (target.type) {
    case 'staff':
      name = (
        <Link to="/admin/accounts" search={{ staff: target.id }} className="text-link">
          {target.name} <span className="staff-number">{target.staffNumber}</span>
        </Link>
      );
      break;
    case 'session':
      name = (
        <Link
          to="/admin/sessions/$sessionId"
          params={{ sessionId: String(target.id) }}
          className="text-link"
        >
          {title(target.courseTitleJa, target.courseTitleEn)} {tokyoDayTime(target.startsAt, lang)}
          {target.venue ? ` · ${target.venue}` : ''}
        </Link>
      );
      break;
    case 'booking':
      name = (
        <Link
          to="/admin/sessions/$sessionId"
          params={{ sessionId: String(target.sessionId) }}
          className="text-link"
        >
          {t('auditLog.bookingOf', {
            name: target.name,
            course: title(target.courseTitleJa, target.courseTitleEn),
            when: tokyoDayTime(target.startsAt, lang),
          })}
        </Link>
      );
      break;
    case 'course':
      name = (
        <Link
          to="/admin/courses/$courseId"
          params={{ courseId: String(target.id) }}
          className="text-link"
        >
          {title(target.titleJa, target.titleEn)}
        </Link>
      );
      break;
    case 'module':
      name = (
        <Link
          to="/admin/e-learning/modules/$moduleId"
          params={{ moduleId: String(target.id) }}
          className="text-link"
        >
          {title(target.titleJa, target.titleEn)}
        </Link>
      );
      break;
    case 'roster_import':
      name = (
        <Link
          to="/admin/audit-log"
          search={{ targetType: 'roster_import', targetId: String(target.id) }}
          className="text-link"
        >
          {target.fileName ?? formatDateTime(new Date(target.appliedAt), lang)}
        </Link>
      );
      break;
    case 'org_unit':
      name = (
        <Link to="/organisation" search={{ unit: target.id }} className="text-link">
          {title(target.nameJa, target.nameEn)}
        </Link>
      );
      break;
  }
  return (
    <>
      <span className="audit-table__target-name">{name}</span>
      <span className="audit-table__code">{reference}</span>
    </>
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
