import type { PeopleQuery, ReportPeople, ReportPerson } from '@kenshu/contracts';
import { readForReport, reportPeople, type ReportPerson as PersonRow } from '@kenshu/db';
import { validation } from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { requireViewer } from '../../lib/service-context.ts';
import { populationOf } from './annual.ts';
import { reportSubject, yearView } from './scope.ts';

export function toReportPerson(r: PersonRow): ReportPerson {
  return {
    staffId: r.staff_id,
    staffNumber: r.staff_number,
    name: `${r.family_name} ${r.given_name}`,
    nameKana: `${r.family_name_kana} ${r.given_name_kana}`,
    unit: { id: r.unit_id, code: r.unit_code, nameJa: r.unit_name_ja, nameEn: r.unit_name_en },
    roleGroup: r.role_group,
    employmentType: r.employment_type,
    method: r.method,
    completedOn: r.completed_on,
  };
}

/**
 * The people behind one figure of the report: the same population the figure counted, narrowed
 * by the figure's filters (a unit's own staff or subtree, a report group, a method, a week).
 */
export async function peopleBehind({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: PeopleQuery & { limit: number; offset: number };
}): Promise<ReportPeople> {
  const viewer = requireViewer(ctx);
  const view = yearView(input.fiscalYear, ctx.now);
  if (input.within === 'own' && input.orgUnitId === undefined) {
    throw validation('Name the unit (orgUnitId) whose own staff to list', { within: 'own' });
  }
  return readForReport(ctx.db, async (db) => {
    const { course, scope } = await reportSubject(db, viewer, input);
    const query = await populationOf(db, course, view, scope);
    const { rows, total } = await reportPeople(
      db,
      query,
      {
        ownUnitId: input.within === 'own' ? input.orgUnitId : undefined,
        roleGroup: input.roleGroup,
        employmentType: input.employmentType,
        method: input.method,
        status: input.status === 'required' ? undefined : input.status,
        completedFrom: input.completedFrom,
        completedTo: input.completedTo,
      },
      { limit: input.limit, offset: input.offset },
    );
    return { fiscalYear: view.fiscalYear, asOf: view.asOf, items: rows.map(toReportPerson), total };
  });
}
