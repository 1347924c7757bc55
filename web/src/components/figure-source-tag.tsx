import { Tag, Tooltip, Typography } from 'antd';
import type { FigureProvenance } from '../../../shared/src/contract/project';
import {
  FIGURE_ORIGIN_LABELS,
  FIGURE_SOURCE_LABELS,
  FIGURE_SOURCES,
  type FigureSource,
  type FigureSourceCounts,
} from '../../../shared/src/figure-source';
import { formatDateTime } from '../lib/date-format';
import { useI18n } from '../locales/i18n-context';

const COLOR: Record<FigureSource, string> = {
  promised: 'blue',
  estimated: 'orange',
  reported: 'cyan',
  verified: 'green',
};

/**
 * Where a figure comes from (issue 14, docs/glossary.md): 承诺 / 估算 / 填报 / 核实 as a small tag
 * beside the value, with the write path, who and when in its tooltip. Nothing for an empty figure.
 */
export function FigureSourceTag({ provenance }: { provenance: FigureProvenance | null | undefined }) {
  const { t, pick } = useI18n();
  if (!provenance) return null;
  const source = pick(FIGURE_SOURCE_LABELS[provenance.source]);
  const tip = [
    t('kpi.sourceTip', { source, origin: pick(FIGURE_ORIGIN_LABELS[provenance.origin]) }),
    provenance.at
      ? t('kpi.sourceBy', { actor: provenance.actorName ?? '—', at: formatDateTime(provenance.at) })
      : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <Tooltip title={tip}>
      <Tag
        color={COLOR[provenance.source]}
        bordered={false}
        data-testid={`figure-source-${provenance.source}`}
        style={{
          marginInlineStart: 4,
          marginInlineEnd: 0,
          fontSize: 11,
          lineHeight: '16px',
          padding: '0 4px',
        }}
      >
        {source}
      </Tag>
    </Tooltip>
  );
}

/**
 * The provenance mix of an aggregate: "含估算 3 项 · 含核实 2 项" — every source but the one the
 * figure is by definition (`main`), so a leader sees what is mixed into the total.
 */
export function FigureSourceShare({ counts, main }: { counts: FigureSourceCounts; main: FigureSource }) {
  const { t, pick } = useI18n();
  const parts = FIGURE_SOURCES.filter((s) => s !== main && counts[s] > 0).map((s) =>
    t('kpi.share', { source: pick(FIGURE_SOURCE_LABELS[s]), n: counts[s] }),
  );
  if (parts.length === 0) return null;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="figure-source-share">
      {parts.join(' · ')}
    </Typography.Text>
  );
}
