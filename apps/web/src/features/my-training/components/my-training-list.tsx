import { fiscalYearLabel } from '@kenshu/domain';
import { QueryState } from '../../../components/query-state.tsx';
import { useLanguage, useTranslation } from '../../../lib/i18n.ts';
import { useMyTraining } from '../api/get-my-training.ts';
import { sortRequirements } from '../utils/next-step.ts';
import { RequirementCard, type BookingActionSlots } from './requirement-card.tsx';
import './my-training.css';

/** My courses for the fiscal year, what still needs doing first, each with its next step. */
export function MyTrainingList({
  slots,
  headingLevel = 3,
}: {
  slots: BookingActionSlots;
  /** 2 on a page of its own, 3 inside a titled card. */
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const record = useMyTraining();
  return (
    <QueryState
      query={record}
      empty={{ when: (r) => r.items.length === 0, message: t('myTraining.empty') }}
    >
      {(data) => {
        const done = data.items.filter((i) => i.status === 'completed').length;
        const required = data.items.filter((i) => i.required).length;
        return (
          <div className="my-training">
            <p className="my-training__progress">
              {t('myTraining.progress', {
                year: fiscalYearLabel(data.fiscalYear, lang),
                done,
                count: required,
              })}
            </p>
            <ul className="requirements">
              {sortRequirements(data.items).map((item) => (
                <li key={item.course.id}>
                  <RequirementCard item={item} slots={slots} headingLevel={headingLevel} />
                </li>
              ))}
            </ul>
          </div>
        );
      }}
    </QueryState>
  );
}
