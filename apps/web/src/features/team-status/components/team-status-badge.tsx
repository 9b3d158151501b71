import type { RequirementStatus } from '@kenshu/domain';
import { useTranslation } from 'react-i18next';

export type TeamBadgeStatus = RequirementStatus;

/** A person's status on a course: the words carry the meaning, the colour only repeats it. */
export function TeamStatusBadge({ status }: { status: TeamBadgeStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`status-badge status-badge--${status}`}>{t(`team.status.${status}`)}</span>
  );
}
