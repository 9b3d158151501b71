import { tokyoDateOf } from '@kenshu/domain';
import { useState } from 'react';
import { Button } from '../../../components/button.tsx';
import { ConfirmDialog } from '../../../components/dialog.tsx';
import { formatDate } from '../../../lib/dates.ts';
import { useLanguage, useTranslation } from '../../../lib/i18n.ts';
import { useErrorMessage } from '../../sessions/index.ts';
import { usePublishCourse, type Course } from '../api/courses.ts';

/**
 * A draft course says so, and offers to publish it after a confirmation: publishing makes it
 * required of its whole audience at once, so it is never one click by accident.
 */
export function PublishCourse({ course }: { course: Course }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const errorMessage = useErrorMessage();
  const publish = usePublishCourse();
  const [isOpen, setOpen] = useState(false);
  if (course.publishedAt !== null) {
    return (
      <p className="muted">
        <span className="status-badge status-badge--booked">{t('scheduling.published')}</span>{' '}
        {t('scheduling.publishedNotice', {
          date: formatDate(tokyoDateOf(new Date(course.publishedAt)), lang),
        })}
      </p>
    );
  }
  return (
    <div className="alert alert--warning">
      <p>
        <span className="status-badge status-badge--waiting">{t('scheduling.draft')}</span>{' '}
        {t('scheduling.draftNotice')}
      </p>
      <Button variant="primary" onPress={() => setOpen(true)}>
        {t('scheduling.publish')}
      </Button>
      <ConfirmDialog
        isOpen={isOpen}
        onOpenChange={(open) => {
          setOpen(open);
          if (!open) publish.reset();
        }}
        title={t('scheduling.publishTitle')}
        cancelLabel={t('sessions.dialog.back')}
        confirmLabel={t('scheduling.publishConfirm')}
        isPending={publish.isPending}
        error={publish.isError ? errorMessage(publish.error) : undefined}
        onConfirm={() => publish.mutate(course.id, { onSuccess: () => setOpen(false) })}
      >
        <p>{t('scheduling.publishBody')}</p>
      </ConfirmDialog>
    </div>
  );
}
