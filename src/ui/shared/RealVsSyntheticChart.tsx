import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { DistributionData } from '../../worker/protocol.ts';
import { distributionRows } from '../train/chart-data.ts';
import { formatPercent } from './format.ts';

/** What differs between the training tab's live chart and the report's chart. */
export interface RealVsSyntheticChartProps {
  /** Pre-binned real vs synthetic shares, one entry per column; the first is shown until the user picks. */
  data: readonly DistributionData[];
  /** The figure's `data-testid` (DESIGN.md UI test ids). */
  testId: string;
  /** Extra class names for the figure (after `chart`). */
  className?: string;
  /** Caption text before the column picker. */
  caption: string;
  /** Printable variant (the report): the picked column is printed in the caption and the picker is hidden in print. */
  printable?: boolean;
  /** `data-testid` of the column picker, if it needs one. */
  selectTestId?: string;
  /** Shown instead of the chart while there is no column. */
  emptyText: string;
  /** Legend name of the real series. */
  realName: string;
}

/**
 * Real vs synthetic bar chart of one column the user picks. Shared by the training tab's live chart
 * and the report's chart so the two draw the same bins the same way.
 */
export function RealVsSyntheticChart({ data, testId, className, caption, printable = false, selectTestId, emptyText, realName }: RealVsSyntheticChartProps) {
  const [picked, setPicked] = useState<string | null>(null);
  const current = data.find((d) => d.column === picked) ?? data[0];
  return (
    <figure className={className ? `chart ${className}` : 'chart'} data-testid={testId}>
      <figcaption>
        {caption}
        {printable && current && <span className="print-only">· {current.column}</span>}
        {data.length > 0 && (
          <select
            aria-label="Column to compare"
            data-testid={selectTestId}
            className={printable ? 'inline-select no-print' : 'inline-select'}
            value={current?.column ?? ''}
            onChange={(e) => setPicked(e.currentTarget.value)}
          >
            {data.map((d) => (
              <option key={d.column} value={d.column}>
                {d.column}
              </option>
            ))}
          </select>
        )}
      </figcaption>
      {!current ? (
        <div className="chart-empty muted">{emptyText}</div>
      ) : (
        <BarChart responsive style={{ width: '100%', height: 260 }} data={distributionRows(current)} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
          <XAxis dataKey="label" fontSize={11} interval="preserveStartEnd" />
          <YAxis fontSize={12} width={48} tickFormatter={(v: number) => formatPercent(v)} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? formatPercent(v) : String(v))} />
          <Legend />
          <Bar dataKey="real" name={realName} fill="#64748b" isAnimationActive={false} />
          <Bar dataKey="synthetic" name="synthetic" fill="#16a34a" isAnimationActive={false} />
        </BarChart>
      )}
    </figure>
  );
}
