import { Card } from '../../components/card.tsx';
import { Link } from '../../components/link.tsx';
import { TeachingOverview } from '../../features/attendance/components/teaching-overview.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useCurrentFiscalYear } from '../../features/fiscal-years/api/get-current-fiscal-year.ts';
import { FiscalYearSummary } from '../../features/fiscal-years/components/fiscal-year-summary.tsx';
import { useOrgUnits } from '../../features/org-units/api/get-org-units.ts';
import { OrgOverview } from '../../features/org-units/components/org-overview.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { useLanguage, useTranslation } from '../../lib/i18n.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { canVisit } from '../navigation.ts';
import { useViewer } from '../use-viewer.ts';
import { MyTrainingPanel } from './my-training-panel.tsx';
import './pages.css';
import './training-pages.css';

/**
 * Home: for trainers, the sessions they teach today and next (what they come for, often on a
 * phone in the room); then my training, the fiscal year in force and the organisation.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const viewer = useViewer();
  const fiscalYear = useCurrentFiscalYear();
  const orgUnits = useOrgUnits();
  const canBrowseStaff = canVisit(viewer, '/organisation');
  useDocumentTitle(t('dashboard.title'));

  return (
    <>
      <PageHeader title={t('dashboard.title')} />
      <div className="dashboard">
        {viewer.roles.has('trainer') ? (
          <Card title={t('attendance.overview.title')} className="dashboard__teaching">
            <TeachingOverview />
          </Card>
        ) : null}
        <Card title={t('myTraining.title')} className="dashboard__my-training">
          <MyTrainingPanel />
        </Card>
        <Card title={t('dashboard.fiscalYear.heading')}>
          <QueryState query={fiscalYear}>
            {(data) => <FiscalYearSummary fiscalYear={data} />}
          </QueryState>
        </Card>
        <Card title={t('dashboard.organisation.heading')}>
          <QueryState
            query={orgUnits}
            empty={{
              when: (units) => units.length === 0,
              message: t('dashboard.organisation.empty'),
            }}
          >
            {(units) => (
              <>
                <OrgOverview units={units} linkUnits={canBrowseStaff} />
                <div className="card__footer">
                  {canBrowseStaff ? (
                    <Link to="/organisation" className="text-link">
                      {t('dashboard.organisation.openOrganisation')}
                    </Link>
                  ) : null}
                  <p className="muted">
                    {t('dashboard.organisation.updatedAt', {
                      time: formatDateTime(orgUnits.dataUpdatedAt, lang),
                    })}
                  </p>
                </div>
              </>
            )}
          </QueryState>
        </Card>
      </div>
    </>
  );
}
