import type { SessionPhase } from '@kenshu/domain';
import { useTranslation } from '../lib/i18n.ts';

/** Where a session is in its life (scheduled … finalised, or cancelled), as a badge. */
export function SessionPhaseBadge({ phase }: { phase: SessionPhase }) {
  const { t } = useTranslation();
  return (
    <span className={`status-badge status-badge--phase-${phase}`}>
      {t(`sessionPhase.${phase}`)}
    </span>
  );
}
