import { memo } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceDot, Tooltip, XAxis, YAxis } from 'recharts';
import type { QualityPoint } from './quality-series.ts';

const Q_COLOR = '#059669';

interface Props {
  points: readonly QualityPoint[];
  /** The epoch whose weights the model keeps (marked on the line), or null. */
  bestEpoch: number | null;
}

/**
 * Live quality per check (test id `quality-chart`, issue 8): the worker samples and scores the
 * model every few epochs (column shapes + pair trends, 0..1, as in the report); the best check,
 * whose weights the model keeps, is marked. Only draws: the reducer builds the points.
 */
export const QualityChart = memo(function QualityChart({ points, bestEpoch }: Props) {
  const best = bestEpoch === null ? undefined : points.find((p) => p.epoch === bestEpoch);
  return (
    <figure className="chart" data-testid="quality-chart" data-points={points.length}>
      <figcaption>Quality per check</figcaption>
      {points.length === 0 ? (
        <div className="chart-empty muted">The model is scored every few epochs; the scores appear here.</div>
      ) : (
        <LineChart responsive style={{ width: '100%', height: 260 }} data={points as QualityPoint[]} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
          <XAxis dataKey="epoch" type="number" domain={['dataMin', 'dataMax']} allowDecimals={false} fontSize={12} />
          <YAxis fontSize={12} width={48} domain={[0, 1]} tickFormatter={(v: number) => v.toFixed(1)} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(3) : String(v))} labelFormatter={(x) => `epoch ${String(x)}`} />
          <Line dataKey="quality" name="quality" stroke={Q_COLOR} strokeWidth={2.5} dot={{ r: 3 }} isAnimationActive={false} />
          {best && <ReferenceDot x={best.epoch} y={best.quality} r={6} fill="none" stroke="#b45309" strokeWidth={2} label={{ value: 'best', position: 'top', fontSize: 11 }} />}
        </LineChart>
      )}
    </figure>
  );
});
