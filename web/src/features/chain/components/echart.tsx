import { GraphChart, TreeChart } from 'echarts/charts';
import { LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
// The ESM build: the CommonJS `lib/core` default export arrives wrapped in an object under Vite.
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { type CSSProperties, type Ref, useRef } from 'react';
import { markChartFinished } from '../../../lib/chart-finished';

// Only what the chain pages draw (tree, graph) goes into the bundle.
echarts.use([TreeChart, GraphChart, TooltipComponent, LegendComponent, TitleComponent, CanvasRenderer]);

export type EChartsRef = ReactEChartsCore;
export type EChartsOption = echarts.EChartsCoreOption;

interface EChartProps {
  option: EChartsOption;
  style?: CSSProperties;
  onClick?: (params: { data?: unknown }) => void;
  chartRef?: Ref<ReactEChartsCore>;
  testId?: string;
}

/** One ECharts canvas (tree-shaken build); `chartRef` gives the instance for PNG export. */
export function EChart({ option, style, onClick, chartRef, testId }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const finished = () => markChartFinished(box.current);
  return (
    <div data-testid={testId} data-chart ref={box}>
      <ReactEChartsCore
        ref={chartRef}
        echarts={echarts}
        option={option}
        notMerge
        style={style}
        onEvents={onClick ? { click: onClick, finished } : { finished }}
      />
    </div>
  );
}

/** Saves the chart as a PNG (white background, 2× for print). */
export function downloadChartPng(chart: ReactEChartsCore | null, fileName: string): boolean {
  const instance = chart?.getEchartsInstance();
  if (!instance) return false;
  const url = instance.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  return true;
}
