import { attainmentThresholds, saveAttainmentThresholds } from '@kenshu/db';
import { validAttainmentThresholds, validation } from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { requireAdmin, requireViewer } from '../../lib/service-context.ts';
import { auditedChange } from '../audit/audited-change.ts';

export async function reportSettings({ ctx }: { ctx: ServiceContext }) {
  requireViewer(ctx);
  return { thresholds: await attainmentThresholds(ctx.db) };
}

/** Admins set the attainment thresholds (到達率) every report uses; audited. */
export async function saveReportSettings({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { thresholds: number[] };
}) {
  const viewer = requireAdmin(ctx, 'Only admins change the attainment thresholds');
  if (!validAttainmentThresholds(input.thresholds)) {
    throw validation('Thresholds are 1 to 5 whole percentages from 1 to 100, highest first', {
      thresholds: input.thresholds,
    });
  }
  return auditedChange(ctx, viewer, async (trx) => {
    const before = await attainmentThresholds(trx);
    await saveAttainmentThresholds(trx, input.thresholds, viewer.staffId, ctx.now);
    return {
      answer: { thresholds: input.thresholds },
      // The thresholds belong to the whole organisation, not to one unit.
      audit: {
        action: 'report_settings.saved',
        targetType: 'org_unit',
        targetId: null,
        before: { thresholds: before },
        after: { thresholds: input.thresholds },
      },
    };
  });
}
