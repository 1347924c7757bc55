import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCoreModule from 'echarts-for-react/lib/core';
import { html } from '../../../lib/html-escape';

// echarts-for-react ships CommonJS: in the production bundle the default import can arrive as the
// module object, so take the component out of it when it does (as the cockpit's chart does).
const ReactEChartsCore =
  (ReactEChartsCoreModule as unknown as { default?: typeof ReactEChartsCoreModule }).default ??
  ReactEChartsCoreModule;

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export interface AgreementChartBar {
  /** e.g. "2026 产值". */
  label: string;
  committed: number | null;
  actual: number | null;
}

interface Props {
  bars: AgreementChartBar[];
  committedName: string;
  actualName: string;
}

/** 承诺 vs 实际 money figures in 万元 per year and measure; loaded lazily with the 履约 card. */
export function AgreementChart({ bars, committedName, actualName }: Props) {
  const wan = (v: number | null) => (v === null ? null : Math.round(v / 1000) / 10);
  const option: echarts.EChartsCoreOption = {
    // A handful of bars: drawn at once, so a screenshot or a slow phone never catches them half-grown.
    animation: false,
    grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: {
      trigger: 'axis',
      formatter: (params: Array<{ axisValueLabel: string; seriesName: string; value: number | null }>) =>
        [
          html`<b>${params[0]?.axisValueLabel}</b>`,
          ...params.map((p) => html`${p.seriesName}: ${p.value ?? '—'}`),
        ].join('<br/>'),
    },
    xAxis: { type: 'category', data: bars.map((b) => b.label), axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: 'value' },
    series: [
      {
        name: committedName,
        type: 'bar',
        data: bars.map((b) => wan(b.committed)),
        itemStyle: { color: '#8fb0d9' },
      },
      {
        name: actualName,
        type: 'bar',
        data: bars.map((b) => wan(b.actual)),
        itemStyle: { color: '#1f5fae' },
      },
    ],
  };
  return (
    <div data-testid="agreement-chart">
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 240 }} />
    </div>
  );
}
