import { getRouteApi } from '@tanstack/react-router';
import { useCallback } from 'react';
import { useTranslation } from '../../lib/i18n.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { CheckInForm } from '../../features/attendance/components/check-in-form.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';

const route = getRouteApi('/check-in');

/** Self check-in: from the QR code in the room, or by typing the code shown there. */
export function CheckInPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  useDocumentTitle(t('attendance.checkIn.title'));
  // The code expires within a minute: once sent, drop it from the address so a reload or a
  // bookmark does not send a stale one.
  const dropLink = useCallback(() => void navigate({ search: {}, replace: true }), [navigate]);
  return (
    <>
      <PageHeader title={t('attendance.checkIn.title')} />
      <CheckInForm
        sessionId={search.session}
        code={search.code}
        token={search.token}
        onLinkUsed={dropLink}
      />
    </>
  );
}
