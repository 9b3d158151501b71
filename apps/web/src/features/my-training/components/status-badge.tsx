import { useTranslation } from '../../../lib/i18n.ts';
import type { RequirementItem } from '../api/get-my-training.ts';

/** A course's status as a badge: the words carry the meaning, the colour only repeats it. */
export function StatusBadge({ item }: { item: RequirementItem }) {
  const { t } = useTranslation();
  const position = item.waits
    .map((w) => w.waitlistPosition)
    .filter((p): p is number => p !== null)
    .sort((a, b) => a - b)[0];
  return (
    <span className={`status-badge status-badge--${item.status}`}>
      {item.status === 'waiting' && position !== undefined
        ? t('myTraining.status.waitingAt', { position })
        : t(`myTraining.status.${item.status}`)}
    </span>
  );
}
