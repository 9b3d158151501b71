import { getRouteApi } from '@tanstack/react-router';
import { Card } from '../../components/card.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useOrgUnits } from '../../features/org-units/api/get-org-units.ts';
import { OrgTree } from '../../features/org-units/components/org-tree.tsx';
import { UnitSettings } from '../../features/org-units/components/unit-settings.tsx';
import { StaffDirectory } from '../../features/staff/components/staff-directory.tsx';
import { StaffPicker } from '../../features/staff/components/staff-picker.tsx';
import { localName, useLanguage, useTranslation } from '../../lib/i18n.ts';
import { DEFAULT_PAGE_SIZE } from '../../lib/paging.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useViewer } from '../use-viewer.ts';
import type { OrganisationSearch } from './organisation-search.ts';
import './pages.css';

const route = getRouteApi('/organisation');

/** The organisation tree beside the staff of the chosen unit (everyone until one is chosen). */
export function OrganisationPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const orgUnits = useOrgUnits();
  const isAdmin = useViewer().roles.has('admin');
  useDocumentTitle(t('organisation.title'));

  const selectedUnit = orgUnits.data?.find((unit) => unit.id === search.unit);
  const scopeName = selectedUnit ? localName(selectedUnit, lang) : t('organisation.allStaff');

  // Any change of unit, search or page size starts again from the first page.
  const update = (patch: OrganisationSearch, options: { replace?: boolean } = {}) =>
    void navigate({ search: (prev) => ({ ...prev, offset: undefined, ...patch }), ...options });

  return (
    <>
      <PageHeader title={t('organisation.title')}>
        <p>{t('organisation.intro')}</p>
      </PageHeader>
      <div className="organisation">
        <Card title={t('organisation.treeHeading')} className="organisation__tree">
          <QueryState
            query={orgUnits}
            empty={{ when: (units) => units.length === 0, message: t('organisation.empty') }}
          >
            {(units) => (
              <OrgTree
                units={units}
                selectedUnitId={search.unit}
                onSelectUnit={(unit) => update({ unit })}
              />
            )}
          </QueryState>
        </Card>
        <div className="organisation__main">
          {isAdmin && selectedUnit && orgUnits.data ? (
            <UnitSettings
              unit={selectedUnit}
              units={orgUnits.data}
              renderHeadPicker={(onPick) => (
                <StaffPicker
                  label={t('organisation.settings.heads.pickerLabel')}
                  onPick={(person) => onPick(person.staffId)}
                />
              )}
            />
          ) : null}
          <Card title={scopeName}>
            <StaffDirectory
              orgUnitId={search.unit}
              scopeName={scopeName}
              q={search.q ?? ''}
              offset={search.offset ?? 0}
              limit={search.limit ?? DEFAULT_PAGE_SIZE}
              // Typing replaces the history entry: Back leaves the search, not one letter at a time.
              onSearchChange={(q) => update({ q: q || undefined }, { replace: true })}
              onOffsetChange={(offset) => update({ offset: offset || undefined })}
              onLimitChange={(limit) => update({ limit })}
            />
          </Card>
        </div>
      </div>
    </>
  );
}
