import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { Card } from '../../components/card.tsx';
import { Link } from '../../components/link.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useCourses } from '../../features/courses/api/courses.ts';
import { PublishCourse } from '../../features/courses/components/publish-course.tsx';
import { CourseForm } from '../../features/courses/components/course-form.tsx';
import { CourseTable } from '../../features/courses/components/course-table.tsx';
import { ReminderScheduleSection } from '../../features/reminders/components/reminder-schedule-form.tsx';
import { useOrgUnits } from '../../features/org-units/api/get-org-units.ts';
import { localName, useLanguage, useTranslation } from '../../lib/i18n.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { AdminOnly } from './admin-guard.tsx';
import './training-pages.css';

/** The course catalogue for admins, inactive courses included. */
export function AdminCoursesPage() {
  const { t } = useTranslation();
  const courses = useCourses({ includeInactive: true });
  useDocumentTitle(t('courses.title'));
  return (
    <>
      <PageHeader title={t('courses.title')}>
        <p>{t('courses.intro')}</p>
      </PageHeader>
      <AdminOnly>
        <div className="page-actions">
          <Link to="/admin/courses/new" className="button button--primary">
            {t('courses.new')}
          </Link>
        </div>
        <QueryState
          query={courses}
          empty={{ when: (items) => items.length === 0, message: t('courses.empty') }}
        >
          {(items) => <CourseTable courses={items} />}
        </QueryState>
      </AdminOnly>
    </>
  );
}

/** Units as options for an audience rule: each named with its place in the tree. */
function useUnitOptions() {
  const lang = useLanguage();
  const units = useOrgUnits();
  return (units.data ?? []).map((u) => ({ id: u.id, label: localName(u, lang) }));
}

export function AdminCourseNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const units = useUnitOptions();
  useDocumentTitle(t('courses.new'));
  return (
    <>
      <PageHeader title={t('courses.new')} />
      <AdminOnly>
        <Card title={t('courses.form.heading')}>
          <CourseForm
            units={units}
            onSaved={(course) =>
              void navigate({
                to: '/admin/courses/$courseId',
                params: { courseId: String(course.id) },
              })
            }
          />
        </Card>
      </AdminOnly>
    </>
  );
}

const editRoute = getRouteApi('/admin/courses/$courseId');

export function AdminCourseEditPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { courseId } = editRoute.useParams();
  const courses = useCourses({ includeInactive: true });
  const units = useUnitOptions();
  const course = courses.data?.find((c) => String(c.id) === courseId);
  const title = course ? (lang === 'en' ? course.titleEn : course.titleJa) : t('courses.edit');
  useDocumentTitle(title);
  return (
    <>
      <PageHeader title={title}>
        <Link to="/admin/courses" className="text-link">
          {t('courses.backToList')}
        </Link>
      </PageHeader>
      <AdminOnly>
        <QueryState query={courses}>
          {() =>
            course ? (
              <>
                <PublishCourse course={course} />
                <Card title={t('courses.edit')}>
                  {/* Keyed, so opening another course starts from its own values. */}
                  <CourseForm key={course.id} course={course} units={units} onSaved={() => {}} />
                </Card>
                <Card title={t('reminders.schedule.heading')}>
                  <ReminderScheduleSection courseId={course.id} />
                </Card>
              </>
            ) : (
              <p>{t('courses.notFound')}</p>
            )
          }
        </QueryState>
      </AdminOnly>
    </>
  );
}
