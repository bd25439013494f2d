import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from 'recharts';
import type { ColumnScore } from '../../core/metrics/evaluate.ts';
import { BAND_COLORS, columnScoreRows, scoreBand, shortName } from './report-data.ts';

const METRIC_LABEL: Record<ColumnScore['metric'], string> = { KSComplement: '1 − KS statistic', TVComplement: '1 − total variation distance' };

/** Per-column shape scores as horizontal bars, worst first (test id `column-scores-chart`). */
export const ColumnScoresChart = memo(function ColumnScoresChart({ columns }: { columns: readonly ColumnScore[] }) {
  const rows = columnScoreRows(columns);
  return (
    <figure className="chart report-chart" data-testid="column-scores-chart">
      <figcaption>Column shapes, worst first</figcaption>
      <BarChart layout="vertical" responsive style={{ width: '100%', height: 40 + 26 * rows.length }} data={rows} margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" horizontal={false} />
        <XAxis type="number" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} fontSize={11} />
        <YAxis type="category" dataKey="name" width={120} fontSize={11} interval={0} tickFormatter={(n: string) => shortName(n, 18)} />
        <Tooltip formatter={(v, _n, item) => [typeof v === 'number' ? v.toFixed(3) : String(v), METRIC_LABEL[(item.payload as ColumnScore).metric]]} />
        <Bar dataKey="score" isAnimationActive={false} barSize={16}>
          {rows.map((r) => (
            <Cell key={r.name} fill={BAND_COLORS[scoreBand(r.score)]} />
          ))}
        </Bar>
      </BarChart>
    </figure>
  );
});
