import { tokyoDateOf } from '@kenshu/domain';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { Card } from '../../components/card.tsx';
import { Link } from '../../components/link.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { SessionPhaseBadge } from '../../components/session-phase-badge.tsx';
import { Select } from '../../components/select.tsx';
import { useCourses } from '../../features/courses/api/courses.ts';
import { useSession } from '../../features/sessions/api/get-session.ts';
import { useSessions } from '../../features/sessions/api/list-sessions.ts';
import {
  CancelSessionButton,
  EditSessionForm,
} from '../../features/sessions/components/admin/edit-session.tsx';
import { MonthCalendar } from '../../features/sessions/components/admin/month-calendar.tsx';
import { Participants } from '../../features/sessions/components/admin/participants.tsx';
import { SeriesForm } from '../../features/sessions/components/admin/series-form.tsx';
import { SessionForm } from '../../features/sessions/components/admin/session-form.tsx';
import {
  AttendanceLink,
  hasBegun,
  SessionTable,
} from '../../features/sessions/components/admin/session-table.tsx';
import { sessionTimeLabel } from '../../lib/dates.ts';
import { useLanguage, useTranslation } from '../../lib/i18n.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { AdminOnly } from './admin-guard.tsx';
import './training-pages.css';

const listRoute = getRouteApi('/admin/sessions');
const ALL = 'all';

/** Courses that have group sessions, as options for the session forms and filters. */
function useSessionCourseOptions() {
  const lang = useLanguage();
  const courses = useCourses({ includeInactive: true });
  return (courses.data ?? [])
    .filter((c) => c.completionModes !== 'e_learning')
    .map((c) => ({ id: c.id, label: `${c.code} ${lang === 'en' ? c.titleEn : c.titleJa}` }));
}

/** Every session (cancelled too) as a list or a month calendar, filtered by course. */
export function AdminSessionsPage() {
  const { t } = useTranslation();
  const search = listRoute.useSearch();
  const navigate = listRoute.useNavigate();
  const courses = useSessionCourseOptions();
  const calendar = search.view === 'calendar';
  const month = search.month ?? tokyoDateOf(new Date()).slice(0, 7);
  const sessions = useSessions({
    scope: 'all',
    includeCancelled: true,
    courseId: search.course,
    month: calendar ? month : search.month,
  });
  useDocumentTitle(t('sessions.admin.title'));

  return (
    <>
      <PageHeader title={t('sessions.admin.title')}>
        <p>{t('sessions.admin.intro')}</p>
      </PageHeader>
      <AdminOnly>
        <div className="page-actions">
          <Link to="/admin/sessions/series" className="button button--primary">
            {t('sessions.series.title')}
          </Link>
          <Link to="/admin/sessions/new" className="button button--secondary">
            {t('sessions.form.title')}
          </Link>
        </div>
        <div className="admin-toolbar">
          <nav className="view-switch" aria-label={t('sessions.admin.view')}>
            <Link
              to="/admin/sessions"
              // The list shows the whole year: the calendar's month does not carry over.
              search={(prev) => (prev.course === undefined ? {} : { course: prev.course })}
              className="view-switch__option"
              activeOptions={{ exact: true, includeSearch: true }}
            >
              {t('sessions.admin.listView')}
            </Link>
            <Link
              to="/admin/sessions"
              search={(prev) => ({ ...prev, view: 'calendar' as const })}
              className="view-switch__option"
              activeOptions={{ exact: true, includeSearch: true }}
            >
              {t('sessions.admin.calendarView')}
            </Link>
          </nav>
          <Select
            label={t('sessions.filters.course')}
            options={[
              { id: ALL, label: t('sessions.filters.allCourses') },
              ...courses.map((c) => ({ id: String(c.id), label: c.label })),
            ]}
            value={search.course === undefined ? ALL : String(search.course)}
            onChange={(id) =>
              void navigate({
                search: (prev) => ({ ...prev, course: id === ALL ? undefined : Number(id) }),
              })
            }
          />
        </div>
        {calendar ? (
          <Card title={t('sessions.admin.calendarView')}>
            <QueryState query={sessions}>
              {(items) => (
                <MonthCalendar
                  month={month}
                  sessions={items}
                  onMonthChange={(m) =>
                    void navigate({ search: (prev) => ({ ...prev, month: m }), replace: true })
                  }
                />
              )}
            </QueryState>
          </Card>
        ) : (
          <QueryState
            query={sessions}
            empty={{ when: (items) => items.length === 0, message: t('sessions.admin.empty') }}
          >
            {(items) => <SessionTable label={t('sessions.admin.tableLabel')} sessions={items} />}
          </QueryState>
        )}
      </AdminOnly>
    </>
  );
}

export function AdminSessionNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const courses = useSessionCourseOptions();
  useDocumentTitle(t('sessions.form.title'));
  return (
    <>
      <PageHeader title={t('sessions.form.title')}>
        <Link to="/admin/sessions" className="text-link">
          {t('sessions.admin.backToList')}
        </Link>
      </PageHeader>
      <AdminOnly>
        <Card title={t('sessions.form.heading')}>
          {courses.length > 0 ? (
            <SessionForm
              courses={courses}
              onCreated={(id) =>
                void navigate({
                  to: '/admin/sessions/$sessionId',
                  params: { sessionId: String(id) },
                })
              }
            />
          ) : (
            <p className="muted">{t('common.loading')}</p>
          )}
        </Card>
      </AdminOnly>
    </>
  );
}

export function AdminSeriesPage() {
  const { t } = useTranslation();
  const courses = useSessionCourseOptions();
  useDocumentTitle(t('sessions.series.title'));
  return (
    <>
      <PageHeader title={t('sessions.series.title')}>
        <p>{t('sessions.series.intro')}</p>
        <Link to="/admin/sessions" className="text-link">
          {t('sessions.admin.backToList')}
        </Link>
      </PageHeader>
      <AdminOnly>
        <Card title={t('sessions.series.heading')}>
          {courses.length > 0 ? (
            <SeriesForm courses={courses} />
          ) : (
            <p className="muted">{t('common.loading')}</p>
          )}
        </Card>
      </AdminOnly>
    </>
  );
}

const detailRoute = getRouteApi('/admin/sessions/$sessionId');

/** One session for admins: its facts, changes, cancellation and participants with their history. */
export function AdminSessionPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { sessionId } = detailRoute.useParams();
  const id = Number(sessionId);
  const session = useSession(id);
  const title = session.data
    ? `${session.data.course.code} ${sessionTimeLabel(session.data.startsAt, session.data.endsAt, lang)}`
    : t('sessions.detail.title');
  useDocumentTitle(title);
  return (
    <>
      <PageHeader title={title}>
        <Link to="/admin/sessions" className="text-link">
          {t('sessions.admin.backToList')}
        </Link>
      </PageHeader>
      <AdminOnly>
        <QueryState query={session}>
          {(s) => (
            <div className="admin-session">
              <Card title={t('sessions.detail.summary')}>
                <dl className="session-facts">
                  <div>
                    <dt>{t('sessions.admin.columns.course')}</dt>
                    <dd>{lang === 'en' ? s.course.titleEn : s.course.titleJa}</dd>
                  </div>
                  <div>
                    <dt>{t('sessions.admin.columns.seats')}</dt>
                    <dd>
                      {t('sessions.admin.seatsValue', {
                        taken: s.seatsTaken,
                        capacity: s.capacity,
                      })}
                    </dd>
                  </div>
                  <div>
                    <dt>{t('sessions.admin.columns.waiting')}</dt>
                    <dd>{s.waitingCount}</dd>
                  </div>
                  <div>
                    <dt>{t('sessions.card.trainers')}</dt>
                    <dd lang="ja">
                      {s.trainers.map((tr) => tr.name).join('、') || t('sessions.form.noTrainers')}
                    </dd>
                  </div>
                  <div>
                    <dt>{t('sessions.admin.columns.status')}</dt>
                    <dd className="session-phase">
                      <SessionPhaseBadge phase={s.phase} />
                      {s.status === 'cancelled'
                        ? t('sessions.card.cancelled', { reason: s.cancelReason ?? '' })
                        : null}
                      {hasBegun(s) ? <AttendanceLink session={s} /> : null}
                    </dd>
                  </div>
                </dl>
                {s.recordedReason ? (
                  <p className="muted">
                    {t('scheduling.recordedNotice', { reason: s.recordedReason })}
                  </p>
                ) : null}
                {s.phase === 'finalised' ? (
                  <p className="muted">{t('sessions.finalisedNoCancel')}</p>
                ) : s.status === 'scheduled' ? (
                  <div className="card__footer">
                    <CancelSessionButton session={s} />
                  </div>
                ) : null}
              </Card>
              {s.status === 'scheduled' ? (
                <Card title={t('sessions.edit.heading')}>
                  <EditSessionForm key={s.id} session={s} />
                </Card>
              ) : null}
              <Card
                title={t('sessions.participants.heading')}
                className="admin-session__participants"
              >
                <Participants sessionId={s.id} />
              </Card>
            </div>
          )}
        </QueryState>
      </AdminOnly>
    </>
  );
}
