import { memo } from 'react';
import type { AssociationCharts } from '../../worker/protocol.ts';
import type { HeatmapLayout } from './report-data.ts';
import { cellLabel, heatColor, heatmapLayout, heatTextColor, shortName } from './report-data.ts';

/** Values are written in the cells up to this many columns; beyond, only the tooltip has them. */
const MAX_LABELLED = 16;

function Matrix({ title, columns, values, layout, testId }: { title: string; columns: readonly string[]; values: readonly (readonly number[])[]; layout: HeatmapLayout; testId: string }) {
  const n = columns.length;
  const { cell: CELL, left: LEFT, top: TOP, width: w, height: h } = layout;
  const labelled = n <= MAX_LABELLED;
  return (
    <figure className="heatmap" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${w} ${h}`} width="100%" style={{ maxWidth: w }} role="img" aria-label={title}>
        {columns.map((c, i) => (
          <g key={c}>
            <text x={LEFT - 6} y={TOP + i * CELL + CELL / 2} textAnchor="end" dominantBaseline="middle" fontSize={11}>
              <title>{c}</title>
              {shortName(c)}
            </text>
            <text transform={`translate(${LEFT + i * CELL + CELL / 2}, ${TOP - 6}) rotate(-55)`} fontSize={11}>
              <title>{c}</title>
              {shortName(c)}
            </text>
          </g>
        ))}
        {values.map((row, i) =>
          row.map((v, j) => (
            <g key={`${i}-${j}`}>
              <rect className="heat-cell" x={LEFT + j * CELL} y={TOP + i * CELL} width={CELL - 1} height={CELL - 1} fill={heatColor(v)}>
                <title>{`${columns[i]} × ${columns[j]}: ${Number.isFinite(v) ? v.toFixed(3) : '—'}`}</title>
              </rect>
              {labelled && Number.isFinite(v) && (
                <text x={LEFT + j * CELL + (CELL - 1) / 2} y={TOP + i * CELL + (CELL - 1) / 2} textAnchor="middle" dominantBaseline="central" fontSize={CELL >= 28 ? 10 : 8} fill={heatTextColor(v)} pointerEvents="none">
                  {cellLabel(v)}
                </text>
              )}
            </g>
          )),
        )}
      </svg>
    </figure>
  );
}

/**
 * Association between every pair of scored columns, real and synthetic side by side, and their
 * difference (test id `correlation-heatmap`). All three matrices come pre-computed from the
 * worker; this draws them as inline SVG with a blue (negative) to red (positive) scale.
 */
export const AssociationHeatmap = memo(function AssociationHeatmap({ data }: { data: AssociationCharts }) {
  if (data.columns.length < 2) return <p className="muted">A heatmap needs at least two scored columns.</p>;
  const layout = heatmapLayout(data.columns);
  return (
    <div data-testid="correlation-heatmap">
      <div className="heatmaps">
        <Matrix title="Real" columns={data.columns} values={data.real} layout={layout} testId="heatmap-real" />
        <Matrix title="Synthetic" columns={data.columns} values={data.synthetic} layout={layout} testId="heatmap-synthetic" />
        <Matrix title="Difference (synthetic − real)" columns={data.columns} values={data.difference} layout={layout} testId="heatmap-difference" />
      </div>
      <div className="heat-legend small">
        <span className="heat-scale">
          <span className="heat-swatch" style={{ background: heatColor(-1) }} /> −1
          <span className="heat-swatch" style={{ background: heatColor(0) }} /> 0
          <span className="heat-swatch" style={{ background: heatColor(1) }} /> +1
        </span>
        <span className="muted">
          Pearson r for two number columns, Cramér&apos;s V for two category columns, the correlation ratio for a number and a category column (both 0..1). A good model keeps
          the difference near 0 (white).
        </span>
      </div>
    </div>
  );
});
