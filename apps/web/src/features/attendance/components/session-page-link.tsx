import type { ReactNode } from 'react';
import { useTranslation } from '../../../lib/i18n.ts';
import { Link } from '../../../components/link.tsx';

/** The pages of a session someone teaches: its attendance sheet, the printable sheet, the code. */
const SESSION_PAGES = {
  sheet: '/teaching/$sessionId',
  print: '/teaching/$sessionId/print',
  checkInCode: '/teaching/$sessionId/check-in-code',
} as const;

/** A link to one of the pages of a session someone teaches. */
export function SessionPageLink({
  sessionId,
  page,
  className,
  children,
}: {
  sessionId: number;
  page: keyof typeof SESSION_PAGES;
  className: string;
  children: ReactNode;
}) {
  return (
    <Link to={SESSION_PAGES[page]} params={{ sessionId: String(sessionId) }} className={className}>
      {children}
    </Link>
  );
}

/** Back from the check-in code or the printable sheet to the session's attendance sheet. */
export function BackToSheetLink({ sessionId }: { sessionId: number }) {
  const { t } = useTranslation();
  return (
    <SessionPageLink sessionId={sessionId} page="sheet" className="text-link attendance-back">
      {t('attendance.code.backToSheet')}
    </SessionPageLink>
  );
}
