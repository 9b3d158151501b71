import { getRouteApi } from '@tanstack/react-router';
import { ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import { Link } from '../../components/link.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useAttendanceSheet } from '../../features/attendance/api/attendance-sheet.ts';
import { useSessionDetails } from '../../features/attendance/api/session-details.ts';
import { AttendanceSheetView } from '../../features/attendance/components/attendance-sheet.tsx';
import { CheckInCodePanel } from '../../features/attendance/components/check-in-code-panel.tsx';
import { BackToSheetLink } from '../../features/attendance/components/session-page-link.tsx';
import { SignInSheet } from '../../features/attendance/components/sign-in-sheet.tsx';
import { TeachingList } from '../../features/attendance/components/teaching-list.tsx';
import { checkedInTime } from '../../features/attendance/utils/sheet.ts';
import { useLanguage, useTranslation } from '../../lib/i18n.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useViewer } from '../use-viewer.ts';
import { sessionTimeLabel } from '../../lib/dates.ts';

const teachingRoute = getRouteApi('/teaching');
const sheetRoute = getRouteApi('/teaching/$sessionId');
const codeRoute = getRouteApi('/teaching/$sessionId/check-in-code');
const printRoute = getRouteApi('/teaching/$sessionId/print');

/** The session id from the address; NaN for a hand-edited one, which the API answers 404. */
function useSessionIdParam(route: { useParams: () => { sessionId: string } }): number {
  return Number(route.useParams().sessionId);
}

/** Sessions I teach: today's first, then upcoming, then finished. Admins may see all. */
export function TeachingPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const search = teachingRoute.useSearch();
  const navigate = teachingRoute.useNavigate();
  const isAdmin = viewer.roles.has('admin');
  const scope = isAdmin && search.scope === 'all' ? 'all' : 'teaching';
  useDocumentTitle(t('attendance.teaching.title'));
  return (
    <>
      <PageHeader title={t('attendance.teaching.title')}>
        <p>{t('attendance.teaching.intro')}</p>
      </PageHeader>
      {isAdmin ? (
        <ToggleButtonGroup
          aria-label={t('attendance.teaching.scope')}
          className="language-switch teaching-toolbar"
          selectionMode="single"
          disallowEmptySelection
          selectedKeys={[scope]}
          onSelectionChange={(keys) => {
            const all = [...keys].includes('all');
            void navigate({ search: all ? { scope: 'all' } : {}, replace: true });
          }}
        >
          <ToggleButton id="teaching" className="language-switch__option">
            {t('attendance.teaching.scopeMine')}
          </ToggleButton>
          <ToggleButton id="all" className="language-switch__option">
            {t('attendance.teaching.scopeAll')}
          </ToggleButton>
        </ToggleButtonGroup>
      ) : null}
      <TeachingList scope={scope} />
    </>
  );
}

/** The course title and the session's time and place, as a page heading. */
function SessionHeading({ sessionId, title }: { sessionId: number; title: string }) {
  const lang = useLanguage();
  const session = useSessionDetails(sessionId);
  const data = session.data;
  const course = data ? (lang === 'en' ? data.course.titleEn : data.course.titleJa) : undefined;
  useDocumentTitle(course ? `${title} – ${course}` : title);
  return (
    <PageHeader title={course ? `${title}: ${course}` : title}>
      {data ? (
        <p>
          {sessionTimeLabel(data.startsAt, data.endsAt, lang)}
          {data.venue ? ` · ${data.venue}` : ''}
        </p>
      ) : null}
    </PageHeader>
  );
}

function BackToTeaching() {
  const { t } = useTranslation();
  return (
    <Link to="/teaching" className="text-link attendance-back">
      {t('attendance.sheet.back')}
    </Link>
  );
}

/** The attendance sheet of one session, for marking in the room. */
export function AttendanceSheetPage() {
  const { t } = useTranslation();
  const sessionId = useSessionIdParam(sheetRoute);
  const viewer = useViewer();
  const session = useSessionDetails(sessionId);
  return (
    <>
      <BackToTeaching />
      <SessionHeading sessionId={sessionId} title={t('attendance.sheet.title')} />
      <AttendanceSheetView
        sessionId={sessionId}
        isAdmin={viewer.roles.has('admin')}
        isCancelled={session.data?.status === 'cancelled'}
      />
    </>
  );
}

/** The check-in code, large, for a projector; the count of check-ins updates as they arrive. */
export function CheckInCodePage() {
  const { t } = useTranslation();
  const sessionId = useSessionIdParam(codeRoute);
  const sheet = useAttendanceSheet(sessionId, { live: true });
  const checkedIn = sheet.data?.entries.filter((e) => checkedInTime(e) !== null).length;
  return (
    <>
      <BackToSheetLink sessionId={sessionId} />
      <SessionHeading sessionId={sessionId} title={t('attendance.code.pageTitle')} />
      <div className="check-in-screen">
        <CheckInCodePanel sessionId={sessionId} large />
        {checkedIn === undefined ? null : (
          <p className="check-in-screen__count" role="status">
            {t('attendance.code.checkedIn', { count: checkedIn })}
          </p>
        )}
      </div>
    </>
  );
}

/** The printable sign-in sheet of a session. */
export function SignInSheetPage() {
  const { t } = useTranslation();
  const sessionId = useSessionIdParam(printRoute);
  const session = useSessionDetails(sessionId);
  const sheet = useAttendanceSheet(sessionId);
  return (
    <>
      <BackToSheetLink sessionId={sessionId} />
      <SessionHeading sessionId={sessionId} title={t('attendance.print.title')} />
      <QueryState query={session}>
        {(details) => (
          <QueryState query={sheet}>
            {(data) => <SignInSheet session={details} sheet={data} />}
          </QueryState>
        )}
      </QueryState>
    </>
  );
}
