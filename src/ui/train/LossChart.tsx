import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { EpochRecord } from '../app/session-state.ts';
import { formatLoss } from '../shared/format.ts';
import type { LossPoint } from './loss-series.ts';

const G_COLOR = '#2563eb';
const D_COLOR = '#db2777';

/**
 * Generator and critic loss per step (TVAE: loss and KL; test id `loss-chart`): the smoothed lines bold, the raw
 * values faint. The session store already thins and smooths the points, and updates at most once
 * a frame, so this only draws. Below it, seconds per epoch.
 */
export const LossChart = memo(function LossChart({
  points,
  epochLog,
  labels = ['generator', 'critic'],
}: {
  points: readonly LossPoint[];
  epochLog: readonly EpochRecord[];
  /** Names of the two losses (TVAE: loss and KL). */
  labels?: readonly [string, string];
}) {
  return (
    <figure className="chart" data-testid="loss-chart">
      <figcaption>Loss per step</figcaption>
      {points.length === 0 ? (
        <div className="chart-empty muted">The losses appear here once training starts.</div>
      ) : (
        <LineChart responsive style={{ width: '100%', height: 260 }} data={points as LossPoint[]} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
          <XAxis dataKey="x" type="number" domain={['dataMin', 'dataMax']} tickCount={6} allowDecimals={false} fontSize={12} />
          <YAxis fontSize={12} width={56} tickFormatter={(v: number) => formatLoss(v)} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? formatLoss(v) : String(v))} labelFormatter={(x) => `step ${String(x)}`} />
          <Legend />
          <Line dataKey="g" name={`${labels[0]} (raw)`} stroke={G_COLOR} strokeOpacity={0.25} dot={false} isAnimationActive={false} legendType="none" connectNulls={false} />
          <Line dataKey="d" name={`${labels[1]} (raw)`} stroke={D_COLOR} strokeOpacity={0.25} dot={false} isAnimationActive={false} legendType="none" connectNulls={false} />
          <Line dataKey="gSmooth" name={labels[0]} stroke={G_COLOR} strokeWidth={2.5} dot={false} isAnimationActive={false} />
          <Line dataKey="dSmooth" name={labels[1]} stroke={D_COLOR} strokeWidth={2.5} dot={false} isAnimationActive={false} />
        </LineChart>
      )}
      {epochLog.length > 0 && (
        <BarChart responsive style={{ width: '100%', height: 90 }} data={epochLog as EpochRecord[]} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <XAxis dataKey="epoch" fontSize={11} />
          <YAxis fontSize={11} width={56} unit=" s" />
          <Tooltip formatter={(v) => (typeof v === 'number' ? `${v.toFixed(2)} s` : String(v))} labelFormatter={(e) => `epoch ${String(e)}`} />
          <Bar dataKey="seconds" name="seconds per epoch" fill="#94a3b8" isAnimationActive={false} />
        </BarChart>
      )}
    </figure>
  );
});
