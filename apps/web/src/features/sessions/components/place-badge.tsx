import type { TrainingSession } from '@kenshu/contracts';
import { useTranslation } from '../../../lib/i18n.ts';
import './sessions.css';

/** My place on a session in words: "Booked", "Waiting #3". */
export function PlaceBadge({ place }: { place: NonNullable<TrainingSession['myPlace']> }) {
  const { t } = useTranslation();
  return place.status === 'confirmed' ? (
    <span className="status-badge status-badge--booked">{t('sessions.place.booked')}</span>
  ) : (
    <span className="status-badge status-badge--waiting">
      {place.waitlistPosition === null
        ? t('sessions.place.waiting')
        : t('sessions.place.waitingAt', { position: place.waitlistPosition })}
    </span>
  );
}
