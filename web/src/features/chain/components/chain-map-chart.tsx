import { type Ref, useMemo } from 'react';
import { CHAIN_POSITIONS } from '../../../../../shared/src/chain';
import { formatMoney } from '../../../../../shared/src/money';
import { EChart, type EChartsOption, type EChartsRef } from '../../../components/echart';
import { escapeHtml, html } from '../../../lib/html-escape';
import { useI18n } from '../../../locales/i18n-context';
import type { ChainMap, MapLink } from '../api/use-chains';
import { firmCount, STATE_COLOR } from './link-state';
import './chain-messages';

interface TreeNode {
  name: string;
  linkId?: string;
  children?: TreeNode[];
  itemStyle?: Record<string, unknown>;
  label?: Record<string, unknown>;
  tooltipText?: string;
}

interface ChainMapChartProps {
  map: ChainMap;
  onLink: (link: MapLink) => void;
  chartRef?: Ref<EChartsRef>;
}

/**
 * The chain as a left-to-right tree: chain → upstream / midstream / downstream → links → sub-links.
 * Nodes are coloured by state (strong / weak / missing) and labelled with firm and project counts;
 * the canvas grows with the number of leaves, so a 60-link chain keeps one line per leaf.
 */
export function ChainMapChart({ map, onLink, chartRef }: ChainMapChartProps) {
  const { t, lang } = useI18n();
  const { option, height } = useMemo(() => {
    const byId = new Map(map.links.map((l) => [l.id, l]));
    const nodeOf = (l: MapLink): TreeNode => {
      const children = map.links.filter((c) => c.parentId === l.id).map(nodeOf);
      const color = STATE_COLOR[l.state];
      return {
        name: l.name,
        linkId: l.id,
        children,
        itemStyle: { color: l.state === 'missing' ? '#fff' : color, borderColor: color, borderWidth: 2 },
        label: {
          formatter: `{n|${l.name}}  {c|${t('chain.map.nodeCounts', { firms: firmCount(l), projects: l.total.projects })}}`,
          rich: {
            n: {
              color: l.state === 'missing' ? color : '#1f1f1f',
              fontSize: 13,
              fontWeight: l.depth === 0 ? 600 : 400,
            },
            c: { color: '#8c8c8c', fontSize: 11 },
          },
        },
        // HTML (ECharts renders it as such): every value goes through `html`, which escapes it.
        tooltipText: [
          html`<b>${l.name}</b> · ${t(`chain.state.${l.state}`)}`,
          html`${t('chain.count.firms')}: ${firmCount(l)}　${t('chain.count.projects')}: ${l.total.projects}`,
          html`${t('chain.count.investment')}: ${lang === 'zh' ? formatMoney(l.total.investment) : l.total.investment}`,
          html`${t('chain.count.leads')}: ${l.total.leads}`,
        ].join('<br/>'),
      };
    };
    const roots = map.links.filter((l) => l.parentId === null || !byId.has(l.parentId));
    const data: TreeNode = {
      name: map.chain.name,
      label: { fontSize: 15, fontWeight: 700 },
      itemStyle: { color: '#1677ff' },
      children: CHAIN_POSITIONS.map((p) => ({
        name: t(`chain.position.${p}`),
        itemStyle: { color: '#595959' },
        label: { fontWeight: 600, backgroundColor: '#f0f0f0', padding: [2, 6], borderRadius: 4 },
        children: roots.filter((r) => r.position === p).map(nodeOf),
      })).filter((g) => (g.children?.length ?? 0) > 0),
    };
    const leaves = map.links.filter((l) => !map.links.some((c) => c.parentId === l.id)).length;
    const option: EChartsOption = {
      tooltip: {
        trigger: 'item',
        // tooltipText is already escaped markup; a bare name (the chain, a position) is not.
        formatter: (p: { data?: TreeNode }) => p.data?.tooltipText ?? escapeHtml(p.data?.name),
      },
      series: [
        {
          type: 'tree',
          data: [data],
          orient: 'LR',
          left: 200,
          right: 260,
          top: 20,
          bottom: 20,
          symbol: 'circle',
          symbolSize: 11,
          initialTreeDepth: -1,
          expandAndCollapse: false,
          roam: false,
          // Inner nodes label to the left on a white box (over the lines), leaves to the right.
          label: {
            position: 'left',
            verticalAlign: 'middle',
            align: 'right',
            distance: 6,
            backgroundColor: '#ffffff',
            padding: [1, 3],
          },
          leaves: { label: { position: 'right', align: 'left' } },
          lineStyle: { color: '#bfbfbf', width: 1.2, curveness: 0.5 },
          animationDuration: 300,
        },
      ],
    };
    return { option, height: Math.max(480, leaves * 30 + 60) };
  }, [map, t, lang]);

  const handleClick = (params: { data?: unknown }) => {
    const id = (params.data as TreeNode | undefined)?.linkId;
    const link = id ? map.links.find((l) => l.id === id) : undefined;
    if (link) onLink(link);
  };

  return (
    <EChart
      option={option}
      style={{ height, width: '100%' }}
      onClick={handleClick}
      chartRef={chartRef}
      testId="chain-map"
    />
  );
}
