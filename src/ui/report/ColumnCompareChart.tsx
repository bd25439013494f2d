import { memo } from 'react';
import type { DistributionData } from '../../worker/protocol.ts';
import { RealVsSyntheticChart } from '../shared/RealVsSyntheticChart.tsx';

/**
 * Real vs synthetic shares of one column the user picks (test id `report-distribution-chart`),
 * from the bins the worker sent with the report.
 */
export const ColumnCompareChart = memo(function ColumnCompareChart({ data }: { data: readonly DistributionData[] }) {
  return (
    <RealVsSyntheticChart
      data={data}
      testId="report-distribution-chart"
      className="report-chart"
      caption="Real vs synthetic"
      printable
      selectTestId="report-column-select"
      emptyText="No column to compare."
      realName="real (training rows)"
    />
  );
});
