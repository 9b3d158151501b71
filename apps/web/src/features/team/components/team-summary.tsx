import { Label, Meter } from 'react-aria-components';
import { useTranslation } from '../../../lib/i18n.ts';
import { coveragePercent, type TeamCounts } from '../utils/coverage.ts';

const FIGURES = [
  'required',
  'completed',
  'booked',
  'awaitingRoster',
  'eLearningOverdue',
  'eLearningInProgress',
  'eLearningAssigned',
  'waiting',
  'notStarted',
] as const satisfies readonly (keyof TeamCounts)[];

/** The counts per status among everyone in scope, and coverage (把握率) as a meter. */
export function TeamSummary({ counts }: { counts: TeamCounts }) {
  const { t } = useTranslation();
  const percent = coveragePercent(counts);
  return (
    <div className="team-summary">
      <dl className="figures team-summary__figures" aria-label={t('team.summary.countsLabel')}>
        {FIGURES.map((key) => (
          <div key={key} className={`figures__item team-summary__item team-summary__item--${key}`}>
            <dt>{t(`team.summary.${key}`)}</dt>
            <dd>{t('team.summary.people', { count: counts[key] })}</dd>
          </div>
        ))}
      </dl>
      {percent === null ? (
        <p className="muted">{t('team.summary.noneRequired')}</p>
      ) : (
        <Meter
          className="meter"
          value={percent}
          valueLabel={t('team.summary.coverageValue', {
            percent,
            completed: counts.completed,
            required: counts.required,
          })}
        >
          {({ percentage, valueText }) => (
            <>
              <div className="meter__header">
                <Label className="meter__label">{t('team.summary.coverage')}</Label>
                <span className="meter__value">{valueText}</span>
              </div>
              <div className="meter__track" aria-hidden="true">
                <div className="meter__fill" style={{ width: `${percentage}%` }} />
              </div>
            </>
          )}
        </Meter>
      )}
    </div>
  );
}
