import { Badge } from '../../../components/badge.tsx';
import { Card } from '../../../components/card.tsx';
import { Link } from '../../../components/link.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { formatDate } from '../../../lib/dates.ts';
import { useLanguage, useTranslation } from '../../../lib/i18n.ts';
import { useMyELearning } from '../api/learn.ts';
import './e-learning.css';

/** "Assigned to me" with due dates, then every module one may study. */
export function MyELearning() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const mine = useMyELearning();
  const pick = (ja: string, en: string) => (lang === 'ja' ? ja : en);
  return (
    <QueryState query={mine}>
      {(data) => (
        <div className="e-learning-home">
          <Card title={t('eLearning.assigned.heading')}>
            {data.assignments.length === 0 ? (
              <p className="muted">{t('eLearning.assigned.empty')}</p>
            ) : (
              <ul className="e-learning-list">
                {data.assignments.map((a) => (
                  <li key={a.id} className="e-learning-list__item">
                    <div>
                      <p className="e-learning-list__title">
                        {pick(a.course.titleJa, a.course.titleEn)}
                      </p>
                      <p>
                        {t('eLearning.assigned.due', { date: formatDate(a.dueOn, lang) })}{' '}
                        {a.overdue ? <Badge>{t('eLearning.assigned.overdue')}</Badge> : null}
                      </p>
                      <p className="muted">{t(`eLearning.assigned.source.${a.source}`)}</p>
                    </div>
                    <Link
                      to="/e-learning/modules/$moduleId"
                      params={{ moduleId: String(a.moduleId) }}
                      className="button button--primary"
                    >
                      {t('eLearning.assigned.start')}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title={t('eLearning.modules.heading')}>
            {data.modules.length === 0 ? (
              <p className="muted">{t('eLearning.modules.empty')}</p>
            ) : (
              <ul className="e-learning-list">
                {data.modules.map((m) => (
                  <li key={m.moduleId} className="e-learning-list__item">
                    <div>
                      <p className="e-learning-list__title">{pick(m.titleJa, m.titleEn)}</p>
                      <p className="muted">{pick(m.course.titleJa, m.course.titleEn)}</p>
                      <p>
                        {m.completed ? (
                          <Badge>{t('eLearning.modules.completed')}</Badge>
                        ) : (
                          t('eLearning.modules.percent', { percent: m.percent })
                        )}
                      </p>
                    </div>
                    <Link
                      to="/e-learning/modules/$moduleId"
                      params={{ moduleId: String(m.moduleId) }}
                      className="button button--secondary"
                    >
                      {m.started && !m.completed
                        ? t('eLearning.modules.continue')
                        : t('eLearning.modules.open')}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      )}
    </QueryState>
  );
}
