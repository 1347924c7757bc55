import { Flex, Tag, Typography } from 'antd';
import { type ReactNode, useEffect, useMemo, useRef } from 'react';
import { HIGHLIGHT_KINDS, type HighlightKind } from '../../../../../shared/src/intake-terms';
import { useI18n } from '../../../locales/i18n-context';
import type { Highlight } from '../api/use-intake';
import '../../../locales/intake.messages';

/** One colour per kind of extracted item (background, and the legend tag's colour). */
export const HIGHLIGHT_COLORS: Record<HighlightKind, { bg: string; tag: string }> = {
  project: { bg: '#d6e4ff', tag: 'geekblue' },
  firm: { bg: '#efdbff', tag: 'purple' },
  person: { bg: '#b5f5ec', tag: 'cyan' },
  park: { bg: '#d9f7be', tag: 'green' },
  money: { bg: '#fff1b8', tag: 'gold' },
  capacity: { bg: '#ffe7ba', tag: 'orange' },
  jobs: { bg: '#f4ffb8', tag: 'lime' },
  stage: { bg: '#ffd6e7', tag: 'magenta' },
  date: { bg: '#ffd8bf', tag: 'volcano' },
  signal: { bg: '#ffccc7', tag: 'red' },
};

/** Where spans overlap (a capacity inside a project name), the more specific kind colours the text. */
const PRIORITY: HighlightKind[] = [
  'money',
  'capacity',
  'jobs',
  'date',
  'stage',
  'signal',
  'person',
  'firm',
  'park',
  'project',
];

interface Segment {
  start: number;
  end: number;
  kinds: Highlight[];
  focused: boolean;
}

/** Cuts the text at every highlight boundary; each piece knows the highlights that cover it. */
function segmentsOf(text: string, highlights: Highlight[], focus: Array<{ start: number; end: number }>) {
  const cuts = new Set<number>([0, text.length]);
  for (const h of [...highlights, ...focus]) {
    cuts.add(Math.max(0, Math.min(text.length, h.start)));
    cuts.add(Math.max(0, Math.min(text.length, h.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i] ?? 0;
    const end = points[i + 1] ?? 0;
    if (end <= start) continue;
    out.push({
      start,
      end,
      kinds: highlights.filter((h) => h.start <= start && h.end >= end),
      focused: focus.some((f) => f.start <= start && f.end >= end),
    });
  }
  return out;
}

/** The legend: what each colour means. */
export function HighlightLegend() {
  const { t } = useI18n();
  return (
    <Flex wrap gap={4} data-testid="intake-legend">
      {HIGHLIGHT_KINDS.map((k) => (
        <Tag key={k} color={HIGHLIGHT_COLORS[k].tag}>
          {t(`intake.kind.${k}`)}
        </Tag>
      ))}
    </Flex>
  );
}

/**
 * An article's text with what the extractor read marked in colour (hover for what it is), and the
 * evidence of the selected proposal outlined and scrolled into view.
 */
export function HighlightedText({
  text,
  highlights,
  focus = [],
}: {
  text: string;
  highlights: Highlight[];
  focus?: Array<{ start: number; end: number }>;
}) {
  const { t } = useI18n();
  const segments = useMemo(() => segmentsOf(text, highlights, focus), [text, highlights, focus]);
  const firstFocus = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (focus.length > 0) firstFocus.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [focus]);

  let focusedSeen = false;
  const nodes: ReactNode[] = segments.map((s) => {
    const piece = text.slice(s.start, s.end);
    const kind = PRIORITY.find((k) => s.kinds.some((h) => h.kind === k));
    if (!kind && !s.focused) return <span key={s.start}>{piece}</span>;
    const isFirstFocus = s.focused && !focusedSeen;
    if (s.focused) focusedSeen = true;
    const title = s.kinds.map((h) => `${t(`intake.kind.${h.kind}`)}：${h.label}`).join('\n');
    return (
      <mark
        key={s.start}
        ref={
          isFirstFocus
            ? (el) => {
                firstFocus.current = el;
              }
            : undefined
        }
        title={title || undefined}
        data-kind={kind}
        style={{
          background: kind ? HIGHLIGHT_COLORS[kind].bg : 'transparent',
          padding: 0,
          borderRadius: 2,
          outline: s.focused ? '2px solid #1677ff' : undefined,
        }}
      >
        {piece}
      </mark>
    );
  });
  return (
    <Typography.Paragraph
      data-testid="intake-article-text"
      style={{ whiteSpace: 'pre-wrap', lineHeight: 1.9, fontSize: 15, maxHeight: 640, overflowY: 'auto' }}
    >
      {nodes}
    </Typography.Paragraph>
  );
}
