import { memo } from 'react';
import type { DistributionData } from '../../worker/protocol.ts';
import { RealVsSyntheticChart } from '../shared/RealVsSyntheticChart.tsx';

/**
 * Real vs synthetic shares for one column the user picks (test id `distribution-chart`), from the
 * worker's pre-binned 'distributions' events.
 */
export const DistributionChart = memo(function DistributionChart({ data, epoch }: { data: readonly DistributionData[]; epoch: number | null }) {
  return (
    <RealVsSyntheticChart
      data={data}
      testId="distribution-chart"
      caption={`Real vs synthetic${epoch !== null ? ` (epoch ${epoch})` : ''}`}
      emptyText="Column distributions appear here during training."
      realName="real"
    />
  );
});
