import { memo, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { DistributionData } from '../../worker/protocol.ts';
import { formatPercent } from '../shared/format.ts';
import { distributionRows } from '../train/chart-data.ts';

/**
 * Real vs synthetic shares of one column the user picks (test id `report-distribution-chart`),
 * from the bins the worker sent with the report.
 */
export const ColumnCompareChart = memo(function ColumnCompareChart({ data }: { data: readonly DistributionData[] }) {
  const [picked, setPicked] = useState<string | null>(null);
  const current = data.find((d) => d.column === picked) ?? data[0];
  return (
    <figure className="chart report-chart" data-testid="report-distribution-chart">
      <figcaption>
        Real vs synthetic
        {current && <span className="print-only">· {current.column}</span>}
        {data.length > 0 && (
          <select aria-label="Column to compare" data-testid="report-column-select" className="inline-select no-print" value={current?.column ?? ''} onChange={(e) => setPicked(e.currentTarget.value)}>
            {data.map((d) => (
              <option key={d.column} value={d.column}>
                {d.column}
              </option>
            ))}
          </select>
        )}
      </figcaption>
      {!current ? (
        <div className="chart-empty muted">No column to compare.</div>
      ) : (
        <BarChart responsive style={{ width: '100%', height: 260 }} data={distributionRows(current)} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
          <XAxis dataKey="label" fontSize={11} interval="preserveStartEnd" />
          <YAxis fontSize={12} width={48} tickFormatter={(v: number) => formatPercent(v)} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? formatPercent(v) : String(v))} />
          <Legend />
          <Bar dataKey="real" name="real (training rows)" fill="#64748b" isAnimationActive={false} />
          <Bar dataKey="synthetic" name="synthetic" fill="#16a34a" isAnimationActive={false} />
        </BarChart>
      )}
    </figure>
  );
});
