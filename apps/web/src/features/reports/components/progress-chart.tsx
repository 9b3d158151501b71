import { useTranslation } from '../../../lib/i18n.ts';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { AnnualReport } from '../api/reports.ts';

/**
 * Completions so far by week against the number required (Recharts). The chart is drawn for
 * sighted readers; the table beside it carries the same figures for everyone else.
 */
export function ProgressChart({ progress }: { progress: AnnualReport['progress'] }) {
  const { t } = useTranslation();
  return (
    <div className="report-chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={260}>
        {/* No keyboard layer: the chart is hidden from assistive technology, the table is not. */}
        <LineChart
          data={progress.weeks}
          margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="weekStart" tickFormatter={(d: string) => d.slice(5)} minTickGap={24} />
          <YAxis allowDecimals={false} domain={[0, Math.max(progress.required, 1)]} />
          <Tooltip />
          <ReferenceLine
            y={progress.required}
            stroke="var(--color-danger, #b42318)"
            strokeDasharray="6 4"
            label={t('reports.requiredLine')}
          />
          <Line
            type="stepAfter"
            dataKey="cumulative"
            name={t('reports.cumulative')}
            stroke="var(--color-primary, #1d4ed8)"
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
