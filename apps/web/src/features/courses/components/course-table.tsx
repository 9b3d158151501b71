import { Link } from '../../../components/link.tsx';
import { Cell, Column, Row, Table, TableBody, TableHeader } from '../../../components/table.tsx';
import { useLanguage, useTranslation } from '../../../lib/i18n.ts';
import type { Course } from '../api/courses.ts';
import { useAudienceText } from './audience-text.ts';
import './courses.css';

/** The catalogue for admins: code, title, audience, how it is completed, active; each editable. */
export function CourseTable({ courses }: { courses: readonly Course[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const audienceText = useAudienceText();
  return (
    <Table aria-label={t('courses.tableLabel')}>
      <TableHeader>
        <Column isRowHeader>{t('courses.columns.code')}</Column>
        <Column>{t('courses.columns.title')}</Column>
        <Column>{t('courses.columns.audience')}</Column>
        <Column>{t('courses.columns.modes')}</Column>
        <Column>{t('courses.columns.active')}</Column>
      </TableHeader>
      <TableBody items={courses} dependencies={[lang, t]}>
        {(course) => (
          <Row id={course.id}>
            <Cell>
              <Link
                to="/admin/courses/$courseId"
                params={{ courseId: String(course.id) }}
                className="text-link"
                aria-label={t('courses.editNamed', { code: course.code })}
              >
                {course.code}
              </Link>
            </Cell>
            <Cell>{lang === 'en' ? course.titleEn : course.titleJa}</Cell>
            <Cell>{audienceText(course.audience)}</Cell>
            <Cell>{t(`courses.modes.${course.completionModes}`)}</Cell>
            <Cell>
              <span
                className={course.active ? 'status-badge status-badge--booked' : 'status-badge'}
              >
                {course.active ? t('courses.active') : t('courses.inactive')}
              </span>{' '}
              {course.publishedAt === null ? (
                <span className="status-badge status-badge--waiting">{t('scheduling.draft')}</span>
              ) : null}
            </Cell>
          </Row>
        )}
      </TableBody>
    </Table>
  );
}
