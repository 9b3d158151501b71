import { useTranslation } from 'react-i18next';

export type TeamBadgeStatus =
  'completed' | 'booked' | 'waiting' | 'e_learning_assigned' | 'not_started' | 'not_required';

/** A person's status on a course: the words carry the meaning, the colour only repeats it. */
export function TeamStatusBadge({ status }: { status: TeamBadgeStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`status-badge status-badge--${status}`}>{t(`team.status.${status}`)}</span>
  );
}
