import { BarChart, FunnelChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCoreModule from 'echarts-for-react/lib/core';
import { type CSSProperties, useRef } from 'react';
import { markChartFinished } from '../../../lib/chart-finished';

// echarts-for-react ships CommonJS: in the production bundle the default import can arrive as the
// module object ({ default: Component }), so take the component out of it when it does.
const ReactEChartsCore =
  (ReactEChartsCoreModule as unknown as { default?: typeof ReactEChartsCoreModule }).default ??
  ReactEChartsCoreModule;

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
  const box = useRef<HTMLDivElement>(null);
  const finished = () => markChartFinished(box.current);
  return (
    <div data-testid={testId} data-chart ref={box}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        style={style}
        onEvents={
          onClick
            ? { click: (p: { dataIndex: number; seriesIndex: number }) => onClick(p), finished }
            : { finished }
        }
      />
    </div>
  );
}
