import { memo } from 'react';
import type { SparkBars } from './sparkline.ts';

const W = 96;
const H = 24;

/** A tiny inline bar chart (plain SVG: cheap enough for 100+ rows, unlike a chart library). */
export const Sparkline = memo(function Sparkline({ bars }: { bars: SparkBars | null }) {
  if (!bars) return <span className="muted">–</span>;
  const n = bars.heights.length;
  const bw = W / n;
  return (
    <svg className="sparkline" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label="distribution">
      {bars.heights.map((h, i) => (
        <rect key={i} x={i * bw + 0.5} y={H - Math.max(1, h * H)} width={Math.max(1, bw - 1)} height={Math.max(1, h * H)}>
          <title>{bars.labels[i]}</title>
        </rect>
      ))}
    </svg>
  );
});
