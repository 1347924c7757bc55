import { GraphChart, TreeChart } from 'echarts/charts';
import { LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
// The ESM build: the CommonJS `lib/core` default export arrives wrapped in an object under Vite.
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { type CSSProperties, type Ref, useRef, useState } from 'react';

// Only what the chain and firm pages draw (tree, graph) goes into the bundle.
echarts.use([
  TreeChart,
  GraphChart,
  TooltipComponent,
  LegendComponent,
  TitleComponent,
  // `labelLayout: { hideOverlap }` does nothing without it.
  LabelLayout,
  CanvasRenderer,
  SVGRenderer,
]);

export type EChartsRef = ReactEChartsCore;
export type EChartsOption = echarts.EChartsCoreOption;

interface EChartProps {
  option: EChartsOption;
  style?: CSSProperties;
  onClick?: (params: { data?: unknown }) => void;
  chartRef?: Ref<ReactEChartsCore>;
  testId?: string;
  /**
   * `svg` draws labels as text elements: a screen reader and a browser test read them, and a
   * small graph (a firm's relations) costs nothing more; large charts stay on canvas.
   */
  renderer?: 'canvas' | 'svg';
  /** What the chart shows, in words, for a screen reader (the wrapper becomes an image). */
  ariaLabel?: string;
}

/**
 * One ECharts canvas (tree-shaken build); `chartRef` gives the instance for PNG export. The wrapper
 * carries `data-chart-finished="true"` once ECharts reports `finished` for the current option, so a
 * test waits on the drawing, not on a timer.
 */
export function EChart({
  option,
  style,
  onClick,
  chartRef,
  testId,
  renderer = 'canvas',
  ariaLabel,
}: EChartProps) {
  // `finished` fires frames after a setOption (or inside it when the option turns animation off):
  // it is matched to the option current then, so the flag never speaks of an earlier drawing.
  const current = useRef(option);
  current.current = option;
  const [finishedOption, setFinishedOption] = useState<EChartsOption | null>(null);
  const onEvents: Record<string, (params: { data?: unknown }) => void> = {
    finished: () => setFinishedOption(current.current),
  };
  if (onClick) onEvents.click = onClick;
  return (
    <div
      data-testid={testId}
      data-chart
      data-chart-finished={finishedOption === option ? 'true' : 'false'}
      {...(ariaLabel ? { role: 'img', 'aria-label': ariaLabel } : {})}
    >
      <ReactEChartsCore
        ref={chartRef}
        echarts={echarts}
        option={option}
        notMerge
        opts={{ renderer }}
        style={style}
        onEvents={onEvents}
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
