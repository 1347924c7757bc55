import { Empty, Flex, Grid, Tag } from 'antd';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { EChart, type EChartsOption } from '../../../components/echart';
import { escapeHtml } from '../../../lib/html-escape';
import { useI18n } from '../../../locales/i18n-context';
import { FIRM_RELATION_KINDS, type FirmRelation, type FirmRelationKind } from '../api/use-firms';
import { layoutRelations } from './firm-relation-layout';

/** One colour per relation kind: the filter chips, the edges and the other firms' nodes share it. */
export const RELATION_COLOR: Record<FirmRelationKind, string> = {
  partner: '#1677ff',
  supplier: '#389e0d',
  customer: '#d48806',
  investor: '#cf1322',
  parent: '#722ed1',
};
const SELF_COLOR = '#262626';
/** Pixels per row: a line of 12 px text and air around it. */
const ROW_HEIGHT = 24;
/** Room for the names beside a column (wide: each side; phone: the one column's right). */
const WIDE_LABEL_ROOM = 240;
const PHONE_LABEL_ROOM = 220;
const MAX_HEIGHT = 1200;

type KindFilter = FirmRelationKind | 'all';

/** The chart's width in pixels, kept current as the page resizes (0 before the first layout). */
function useWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

/**
 * The firm's 以商招商 relations as a graph (issue 16): the firm in the middle, the firms upstream of
 * it (suppliers, investors, parent) on the left, downstream on the right, a row per firm so the
 * names never meet (firm-relation-layout.ts), and a chip per relation kind to show one kind only.
 * Drawn in SVG so the names are text (a browser test and a screen reader read them); tooltips
 * escape every name.
 */
export function FirmRelationGraph({
  firmId,
  firmName,
  relations,
}: {
  firmId: string;
  firmName: string;
  relations: readonly FirmRelation[];
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<KindFilter>('all');
  // A phone's chart is a third as wide: one column of firms, names to its right.
  const wide = Grid.useBreakpoint().md === true;
  const { ref, width } = useWidth();
  const counts = useMemo(() => {
    const byKind = new Map<FirmRelationKind, number>();
    for (const r of relations) byKind.set(r.kind, (byKind.get(r.kind) ?? 0) + 1);
    return byKind;
  }, [relations]);
  // A kind whose last edge was removed cannot stay selected with nothing to show.
  const shown = filter !== 'all' && !counts.has(filter) ? 'all' : filter;

  const chart = useMemo(() => {
    if (width === 0) return null;
    const edges = shown === 'all' ? relations : relations.filter((r) => r.kind === shown);
    const labelRoom = wide ? WIDE_LABEL_ROOM : PHONE_LABEL_ROOM;
    // Columns apart, in rows (the view keeps x and y at one scale): what the width leaves.
    const free = wide ? (width - 2 * (labelRoom + 16)) / 2 : width - labelRoom - 48;
    const columnGap = Math.max(1.5, free / ROW_HEIGHT);
    const layout = layoutRelations(firmId, firmName, edges, wide ? 2 : 1, columnGap);
    const firms = layout.nodes.length - 1;
    const height = Math.min(MAX_HEIGHT, Math.max(240, layout.rows * ROW_HEIGHT + 64));
    const option: EChartsOption = {
      // A short fade-in. Not none: with no animation ECharts reports `finished` inside the first
      // setOption, before echarts-for-react has bound the handler, and the chart never says it is drawn.
      animationDuration: 300,
      tooltip: {
        // Firm names and notes are typed by people: ECharts renders a formatter's return as HTML.
        formatter: (p: { data?: { name?: string; tip?: string } }) => escapeHtml(p.data?.tip ?? p.data?.name),
      },
      series: [
        {
          type: 'graph',
          layout: 'none',
          left: wide ? labelRoom + 16 : 24,
          right: wide ? labelRoom + 16 : labelRoom + 24,
          top: 40,
          bottom: 24,
          // Zoom and pan only when the rows did not fit the tallest chart.
          roam: layout.rows * ROW_HEIGHT + 64 > MAX_HEIGHT,
          // Names that would still touch (more rows than fit) hide; they show on hover.
          labelLayout: { hideOverlap: true },
          label: { show: true, fontSize: 12, color: '#262626', width: labelRoom, overflow: 'truncate' },
          emphasis: { focus: 'adjacency', label: { show: true } },
          edgeSymbol: ['none', 'arrow'],
          edgeSymbolSize: 7,
          data: layout.nodes.map((node) => ({
            id: node.id,
            name: node.name,
            firmId: node.id,
            x: node.x,
            y: node.y,
            symbolSize: node.side === 'self' ? 22 : 11,
            itemStyle: { color: node.kind === 'self' ? SELF_COLOR : RELATION_COLOR[node.kind] },
            label:
              node.side === 'self'
                ? // Above the firm (wide) or to its right over the edges (phone), in bold.
                  {
                    fontWeight: 'bold' as const,
                    fontSize: 13,
                    position: wide ? ('top' as const) : ('right' as const),
                  }
                : { position: wide && node.side === 'up' ? ('left' as const) : ('right' as const) },
          })),
          links: edges.map((r) => ({
            source: r.fromFirmId,
            target: r.toFirmId,
            tip: [t(`firm.relation.${r.kind}`, { from: r.fromFirmName, to: r.toFirmName }), r.note]
              .filter(Boolean)
              .join(' — '),
            lineStyle: { color: RELATION_COLOR[r.kind], width: 1.4, curveness: 0.1, opacity: 0.75 },
          })),
        },
      ],
    };
    return {
      option,
      height,
      summary: t('firm.relationGraphSummary', { firm: firmName, firms, relations: edges.length }),
    };
  }, [relations, shown, firmId, firmName, t, wide, width]);

  if (relations.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('firm.noRelations')} />;
  }
  const chip = (value: KindFilter, label: string, count: number, color?: string) => (
    <Tag.CheckableTag
      key={value}
      checked={shown === value}
      onChange={() => setFilter(value)}
      data-testid={`relation-filter-${value}`}
      style={color && shown !== value ? { borderColor: color, color } : undefined}
    >
      {label} {count}
    </Tag.CheckableTag>
  );
  return (
    <div>
      <Flex wrap gap={4} role="group" aria-label={t('firm.relationFilter')} style={{ marginBottom: 8 }}>
        {chip('all', t('firm.relationFilterAll'), relations.length)}
        {FIRM_RELATION_KINDS.filter((kind) => counts.has(kind)).map((kind) =>
          chip(kind, t(`firm.relationKindName.${kind}`), counts.get(kind) ?? 0, RELATION_COLOR[kind]),
        )}
      </Flex>
      <div ref={ref}>
        {chart ? (
          <EChart
            option={chart.option}
            renderer="svg"
            style={{ height: chart.height }}
            testId="firm-relation-graph"
            ariaLabel={chart.summary}
            onClick={(p) => {
              const to = (p.data as { firmId?: string } | undefined)?.firmId;
              if (to && to !== firmId) navigate(`/firms/${to}`);
            }}
          />
        ) : null}
      </div>
    </div>
  );
}
