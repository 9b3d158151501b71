import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from '../../lib/i18n.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { OutboxView } from '../../features/mail/components/outbox-view.tsx';
import { DEFAULT_PAGE_SIZE } from '../../lib/paging.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';

const route = getRouteApi('/admin/outbox');

/** Admins: every e-mail queued, sent or failed, with the error, and retry. */
export function AdminOutboxPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  useDocumentTitle(t('mail.outbox.title'));
  return (
    <>
      <PageHeader title={t('mail.outbox.title')}>
        <p>{t('mail.outbox.intro')}</p>
      </PageHeader>
      <OutboxView
        status={search.status}
        q={search.q ?? ''}
        offset={search.offset ?? 0}
        limit={search.limit ?? DEFAULT_PAGE_SIZE}
        onChange={(patch, replace) =>
          void navigate({
            search: (prev) => ({
              ...prev,
              offset: undefined,
              ...('status' in patch ? { status: patch.status } : {}),
              ...(patch.q !== undefined ? { q: patch.q || undefined } : {}),
            }),
            replace,
          })
        }
        onOffsetChange={(offset) =>
          void navigate({ search: (prev) => ({ ...prev, offset: offset || undefined }) })
        }
        onLimitChange={(limit) =>
          void navigate({ search: (prev) => ({ ...prev, limit, offset: undefined }) })
        }
      />
    </>
  );
}
