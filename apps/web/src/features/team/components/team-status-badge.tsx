import type { RequirementStatus } from '@kenshu/domain';
import { useTranslation } from '../../../lib/i18n.ts';

export type TeamBadgeStatus = RequirementStatus;

/**
 * A person's status on a course: the words carry the meaning, the colour only repeats it. A
 * completion by e-learning says its score, the same one the audit sample shows.
 */
export function TeamStatusBadge({
  status,
  score = null,
}: {
  status: TeamBadgeStatus;
  score?: number | null | undefined;
}) {
  const { t } = useTranslation();
  return (
    <span className={`status-badge status-badge--${status}`}>
      {status === 'completed' && score !== null
        ? t('team.completedByELearning', { score })
        : t(`team.status.${status}`)}
    </span>
  );
}
