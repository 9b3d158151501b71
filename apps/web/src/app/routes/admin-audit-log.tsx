import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from '../../lib/i18n.ts';
import { Card } from '../../components/card.tsx';
import { Pagination } from '../../components/pagination.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useAuditLog } from '../../features/audit-log/api/search-audit-log.ts';
import { AuditFilterForm } from '../../features/audit-log/components/audit-filter-form.tsx';
import { AuditTable } from '../../features/audit-log/components/audit-table.tsx';
import {
  exportUrl,
  FILTER_KEYS,
  type AuditFilters,
} from '../../features/audit-log/utils/filters.ts';
import { DEFAULT_PAGE_SIZE } from '../../lib/paging.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import './account-pages.css';

const route = getRouteApi('/admin/audit-log');

/** Admins: the audit log, filtered and paged, with a CSV export of the same selection. */
export function AdminAuditLogPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  useDocumentTitle(t('auditLog.title'));

  const filters: AuditFilters = {};
  for (const key of FILTER_KEYS) if (search[key]) filters[key] = search[key];
  const limit = search.limit ?? DEFAULT_PAGE_SIZE;
  const offset = search.offset ?? 0;
  const log = useAuditLog({ ...filters, limit, offset });

  return (
    <>
      <PageHeader title={t('auditLog.title')}>
        <p>{t('auditLog.intro')}</p>
      </PageHeader>
      <div className="audit-log">
        <Card title={t('auditLog.filters.heading')}>
          <AuditFilterForm
            filters={filters}
            onApply={(next) => void navigate({ search: { ...next, limit: search.limit } })}
          />
        </Card>
        <Card title={t('auditLog.tableLabel')}>
          <div className="audit-log__toolbar">
            <a className="button button--secondary" href={exportUrl(filters)} download>
              {t('auditLog.export')}
            </a>
          </div>
          <QueryState
            query={log}
            empty={{ when: (page) => page.total === 0, message: t('auditLog.empty') }}
          >
            {(page) => (
              <div aria-busy={log.isPlaceholderData}>
                <AuditTable label={t('auditLog.tableLabel')} entries={page.items} />
                <Pagination
                  offset={offset}
                  limit={limit}
                  total={page.total}
                  onOffsetChange={(next) =>
                    void navigate({ search: (prev) => ({ ...prev, offset: next || undefined }) })
                  }
                  onLimitChange={(next) =>
                    void navigate({
                      search: (prev) => ({ ...prev, limit: next, offset: undefined }),
                    })
                  }
                />
              </div>
            )}
          </QueryState>
        </Card>
      </div>
    </>
  );
}
