import type { Bilingual } from '../../../../../shared/src/i18n-message';
import { type ProjectStage, projectStageLabel } from '../../../../../shared/src/project-stage';
import type { Cockpit } from '../api/use-cockpit';
import type { CockpitChartOption } from './cockpit-chart';

const YI = 100_000_000;

/** What the option builders need from the page: the translator and the look (page or wall). */
export interface ChartLook {
  t: (key: 'cockpit.unitYi' | ChartSeriesKey) => string;
  pick: (b: Bilingual) => string;
  /** The dark wall screen: light text, larger type. */
  dark: boolean;
}

type ChartSeriesKey =
  | 'cockpit.signedMonth'
  | 'cockpit.signedCum'
  | 'cockpit.fundsCum'
  | 'cockpit.signedTarget'
  | 'cockpit.fundsTarget'
  | 'cockpit.open'
  | 'cockpit.overdue'
  | 'request.overview.unassigned';

const WALL_TEXT = '#d6e4ff';

// Colours only on the dark wall: an undefined colour would hide ECharts' own defaults.
function styleOf(look: ChartLook) {
  const size = look.dark ? 15 : 12;
  return {
    axis: look.dark
      ? {
          axisLabel: { color: WALL_TEXT, fontSize: size },
          axisLine: { lineStyle: { color: '#3a4a6b' } },
          splitLine: { lineStyle: { color: '#1f3a6b' } },
        }
      : {},
    // On the page the legend keeps to one line and pages with arrows when it does not fit: on a
    // phone five series wrapped to two lines and covered the axis's unit (亿元) under them.
    legend: look.dark
      ? { textStyle: { color: WALL_TEXT, fontSize: size }, top: 0 }
      : { type: 'scroll' as const, top: 0 },
    label: look.dark ? { color: WALL_TEXT, fontSize: size } : {},
  };
}

/** Projects that reached each stage, as a funnel (a band click opens the projects at or beyond it). */
export function funnelOption(data: Cockpit, look: ChartLook): CockpitChartOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c}' },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        top: 10,
        bottom: 10,
        left: '10%',
        width: '80%',
        minSize: '20%',
        label: {
          show: true,
          position: 'inside',
          formatter: '{b} {c}',
          color: '#fff',
          fontSize: look.dark ? 15 : 12,
        },
        data: data.funnel.map((f) => ({
          name: look.pick(projectStageLabel(f.stage as ProjectStage)),
          value: f.count,
        })),
      },
    ],
  };
}

/**
 * Investment signed by month and cumulated, funds in place cumulated, against the year's targets, in
 * 亿元: a zone's year runs to hundreds of 亿, which in 万元 is an eight-digit axis nobody reads.
 */
export function monthlyOption(data: Cockpit, look: ChartLook): CockpitChartOption {
  const { axis, legend } = styleOf(look);
  const yi = (v: number | null) => Math.round(((v ?? 0) / YI) * 100) / 100;
  const target = (name: string, values: number[]) => ({
    name,
    type: 'line',
    lineStyle: { type: 'dashed' },
    data: values,
  });
  return {
    tooltip: { trigger: 'axis' },
    legend,
    // The unit's name sits above the axis: the grid starts below the legend so the two do not overlap.
    grid: { left: 60, right: 20, top: look.dark ? 64 : 56, bottom: 30 },
    xAxis: { type: 'category', data: data.monthly.map((m) => m.month.slice(5)), ...axis },
    yAxis: {
      type: 'value',
      name: look.t('cockpit.unitYi'),
      ...(look.dark ? { nameTextStyle: { color: WALL_TEXT } } : {}),
      ...axis,
    },
    series: [
      {
        name: look.t('cockpit.signedMonth'),
        type: 'bar',
        data: data.monthly.map((m) => yi(m.investmentSigned)),
      },
      {
        name: look.t('cockpit.signedCum'),
        type: 'line',
        data: data.monthly.map((m) => yi(m.cumulativeSigned)),
      },
      {
        name: look.t('cockpit.fundsCum'),
        type: 'line',
        data: data.monthly.map((m) => yi(m.cumulativeFunds)),
      },
      ...(data.targets.investmentSigned !== null
        ? [
            target(
              look.t('cockpit.signedTarget'),
              data.monthly.map((m) => yi(m.targetSignedToDate)),
            ),
          ]
        : []),
      ...(data.targets.fundsInPlace !== null
        ? [
            target(
              look.t('cockpit.fundsTarget'),
              data.monthly.map((m) => yi(m.targetFundsToDate)),
            ),
          ]
        : []),
    ],
  };
}

/** Open and overdue requests of the departments shown (the first `depts`). */
export function requestOption(
  depts: Cockpit['requests']['byDepartment'],
  look: ChartLook,
): CockpitChartOption {
  const { axis, legend } = styleOf(look);
  return {
    tooltip: { trigger: 'axis' },
    legend,
    grid: { left: look.dark ? 170 : 150, right: 20, top: 40, bottom: 24 },
    yAxis: {
      type: 'category',
      data: depts.map((d) => d.departmentName ?? look.t('request.overview.unassigned')),
      inverse: true,
      ...axis,
    },
    xAxis: { type: 'value', minInterval: 1, ...axis },
    series: [
      { name: look.t('cockpit.open'), type: 'bar', data: depts.map((d) => d.open) },
      {
        name: look.t('cockpit.overdue'),
        type: 'bar',
        itemStyle: { color: '#cf1322' },
        data: depts.map((d) => d.overdue),
      },
    ],
  };
}

/** Per chain: the share of its links covered by a local firm or a live project. */
export function chainOption(data: Cockpit, look: ChartLook): CockpitChartOption {
  const { axis, label } = styleOf(look);
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: look.dark ? 190 : 110, right: 48, top: 10, bottom: 24 },
    yAxis: { type: 'category', data: data.chains.map((c) => c.name), inverse: true, ...axis },
    // On the narrow wall panel the bars carry their own % labels; the axis labels would collide.
    xAxis: {
      type: 'value',
      max: 100,
      ...axis,
      // On a phone the five ticks share ~150 px: labels that would touch are left out.
      axisLabel: look.dark ? { show: false } : { formatter: '{value}%', hideOverlap: true },
    },
    series: [
      {
        type: 'bar',
        label: { show: true, position: 'right', formatter: '{c}%', ...label },
        data: data.chains.map((c) => Math.round((c.rate ?? 0) * 100)),
      },
    ],
  };
}
