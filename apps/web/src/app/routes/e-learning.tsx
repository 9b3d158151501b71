import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { Card } from '../../components/card.tsx';
import { Link } from '../../components/link.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useCourses } from '../../features/courses/api/courses.ts';
import {
  useCreateModule,
  useModuleForEditing,
  useModules,
} from '../../features/e-learning/api/author.ts';
import { usePlayerModule } from '../../features/e-learning/api/learn.ts';
import { CourseAssignments } from '../../features/e-learning/components/course-assignments.tsx';
import {
  emptyContent,
  ModuleEditor,
  ModuleForm,
} from '../../features/e-learning/components/module-editor.tsx';
import { ModulePlayer } from '../../features/e-learning/components/module-player.tsx';
import { MyELearning } from '../../features/e-learning/components/my-e-learning.tsx';
import { ScormImport } from '../../features/e-learning/components/scorm-import.tsx';
import { useLanguage, useTranslation } from '../../lib/i18n.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import './training-pages.css';

/** "Assigned to me" with due dates, and every module one may study. */
export function ELearningPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('eLearning.title'));
  return (
    <>
      <PageHeader title={t('eLearning.title')}>
        <p>{t('eLearning.intro')}</p>
      </PageHeader>
      <MyELearning />
    </>
  );
}

/** The player for one module. */
export function ModulePlayerPage() {
  const { moduleId } = useParams({ from: '/e-learning/modules/$moduleId' });
  const id = Number(moduleId);
  const lang = useLanguage();
  const module = usePlayerModule(id);
  const title = module.data ? (lang === 'ja' ? module.data.titleJa : module.data.titleEn) : '';
  const { t } = useTranslation();
  useDocumentTitle(title || t('eLearning.title'));
  return (
    <>
      <PageHeader title={title || t('eLearning.title')} />
      <ModulePlayer moduleId={id} />
    </>
  );
}

/** Admins: every module, and each course's assignments. */
export function AdminELearningPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const modules = useModules();
  useDocumentTitle(t('eLearning.admin.title'));
  const pick = (ja: string, en: string) => (lang === 'ja' ? ja : en);
  return (
    <>
      <PageHeader title={t('eLearning.admin.title')} />
      <div className="page-actions">
        <Link to="/admin/e-learning/new" className="button button--primary">
          {t('eLearning.admin.newModule')}
        </Link>
      </div>
      <Card title={t('eLearning.admin.modules')}>
        <QueryState
          query={modules}
          empty={{ when: (d) => d.items.length === 0, message: t('eLearning.admin.noneYet') }}
        >
          {(data) => (
            <div className="table-frame">
              <table className="table">
                <thead>
                  <tr>
                    <th className="table__column">{t('eLearning.admin.module')}</th>
                    <th className="table__column">{t('eLearning.admin.course')}</th>
                    <th className="table__column">{t('eLearning.admin.status')}</th>
                    <th className="table__column">
                      <span className="visually-hidden">{t('eLearning.admin.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((m) => (
                    <tr key={m.id} className="table__row">
                      <td className="table__cell">{pick(m.titleJa, m.titleEn)}</td>
                      <td className="table__cell">{pick(m.course.titleJa, m.course.titleEn)}</td>
                      <td className="table__cell">
                        {t('eLearning.admin.versionLabel')} {m.latestVersion} ·{' '}
                        {m.latestStatus === 'draft'
                          ? t('eLearning.admin.draft')
                          : t('eLearning.admin.published')}
                        {m.publishedVersion !== null && m.latestStatus === 'draft'
                          ? ` (${t('eLearning.admin.publishedVersion', { version: m.publishedVersion })})`
                          : ''}
                      </td>
                      <td className="table__cell">
                        <Link
                          to="/admin/e-learning/modules/$moduleId"
                          params={{ moduleId: String(m.id) }}
                          className="text-link"
                        >
                          {t('eLearning.admin.edit')}
                        </Link>{' '}
                        <Link
                          to="/admin/e-learning/courses/$courseId"
                          params={{ courseId: String(m.course.id) }}
                          className="text-link"
                        >
                          {t('eLearning.admin.assignments')}
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </QueryState>
      </Card>
    </>
  );
}

/** Admins: a new module for a course. */
export function ModuleNewPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const courses = useCourses();
  const create = useCreateModule();
  const navigate = useNavigate();
  const [courseId, setCourseId] = useState<number | null>(null);
  useDocumentTitle(t('eLearning.editor.titleNew'));
  return (
    <>
      <PageHeader title={t('eLearning.editor.titleNew')} />
      <QueryState query={courses}>
        {(list) => (
          <>
            <label className="field">
              <span className="field__label">{t('eLearning.editor.course')}</span>
              <select
                className="field__input"
                value={courseId ?? ''}
                onChange={(e) => setCourseId(e.target.value === '' ? null : Number(e.target.value))}
              >
                <option value="" />
                {list.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.code} {lang === 'ja' ? c.titleJa : c.titleEn}
                  </option>
                ))}
              </select>
            </label>
            {courseId === null ? (
              <p className="muted">{t('eLearning.scorm.chooseCourse')}</p>
            ) : (
              <ScormImport
                key={courseId}
                target={{ courseId }}
                onSaved={(m) =>
                  void navigate({
                    to: '/admin/e-learning/modules/$moduleId',
                    params: { moduleId: String(m.id) },
                  })
                }
              />
            )}
            <ModuleForm
              initial={emptyContent()}
              saving={create.isPending}
              error={create.error}
              onSave={(content) =>
                create.mutate(
                  { ...content, courseId: courseId ?? 0 },
                  {
                    onSuccess: (m) =>
                      void navigate({
                        to: '/admin/e-learning/modules/$moduleId',
                        params: { moduleId: String(m.id) },
                      }),
                  },
                )
              }
            />
          </>
        )}
      </QueryState>
    </>
  );
}

/** Admins: edit, preview and publish a module. */
export function ModuleEditorPage() {
  const { t } = useTranslation();
  const { moduleId } = useParams({ from: '/admin/e-learning/modules/$moduleId' });
  const module = useModuleForEditing(Number(moduleId));
  useDocumentTitle(t('eLearning.editor.titleEdit'));
  return (
    <>
      <PageHeader title={t('eLearning.editor.titleEdit')} />
      <QueryState query={module}>
        {(m) => (
          <>
            {m.scorm ? (
              <p>
                {t('eLearning.scorm.package', {
                  scormVersion: `SCORM ${m.scorm.scormVersion}`,
                  files: m.scorm.fileCount,
                })}
              </p>
            ) : null}
            <ModuleEditor module={m} />
            <ScormImport target={{ moduleId: m.id }} />
          </>
        )}
      </QueryState>
    </>
  );
}

/** Admins: one course's assignments and automatic rules. */
export function CourseAssignmentsPage() {
  const { t } = useTranslation();
  const { courseId } = useParams({ from: '/admin/e-learning/courses/$courseId' });
  useDocumentTitle(t('eLearning.assignments.title'));
  return (
    <>
      <PageHeader title={t('eLearning.assignments.title')} />
      <CourseAssignments courseId={Number(courseId)} />
    </>
  );
}
