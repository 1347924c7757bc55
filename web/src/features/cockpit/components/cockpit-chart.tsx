import { BarChart, FunnelChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import type { CSSProperties } from 'react';

// Only what the cockpit draws goes into its chunk.
echarts.use([
  FunnelChart,
  BarChart,
  LineChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  TitleComponent,
  CanvasRenderer,
]);

export type CockpitChartOption = echarts.EChartsCoreOption;

interface Props {
  option: CockpitChartOption;
  style?: CSSProperties;
  /** Called with the clicked item's data index and series index (a click opens the list behind it). */
  onClick?: (p: { dataIndex: number; seriesIndex: number }) => void;
  testId: string;
}

export function CockpitChart({ option, style, onClick, testId }: Props) {
  return (
    <div data-testid={testId}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        style={style}
        onEvents={
          onClick ? { click: (p: { dataIndex: number; seriesIndex: number }) => onClick(p) } : undefined
        }
      />
    </div>
  );
}
