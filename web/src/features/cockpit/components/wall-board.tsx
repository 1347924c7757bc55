import { Tag } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import type { ProjectStage } from '../../../../../shared/src/project-stage';
import { useFormatMoney } from '../../../components/money-text';
import { StageTag } from '../../../components/stage-tag';
import { useI18n } from '../../../locales/i18n-context';
import type { Cockpit } from '../api/use-cockpit';
import { CockpitChart } from './cockpit-chart';
import { chainOption, funnelOption, monthlyOption, requestOption } from './cockpit-options';

/**
 * The wall screen's grid, in pixels of the 1920×1080 screen: a row of figures and two rows of four
 * panels. Fixed sizes (not the page's responsive columns) so that every panel is whole on the wall:
 * 1080 = 2×16 padding + 56 title + 12 + 116 figures + 12 + 2×420 panels + 12.
 */
export const WALL = { width: 1920, height: 1080, padding: 16, title: 56, figures: 116, row: 420, gap: 12 };
const HEADER = 44;
// A panel's body: its row less the 1 px borders, the header and 10 px padding above and below.
const BODY = WALL.row - 2 - HEADER - 2 * 10;
// 投资额前十: ten rows of 35 px at 17 px type fill a panel's body.
const LIST_ROWS = 10;

const C = {
  panel: '#0f1c3a',
  border: '#1f3a6b',
  title: '#8fc1ff',
  text: '#d6e4ff',
  dim: '#7f93b8',
  red: '#ff7875',
};
const SEVERITY_COLOR = { high: 'red', medium: 'orange', low: 'gold' } as const;

function Panel(props: {
  title: string;
  extra?: ReactNode;
  testId: string;
  style?: CSSProperties;
  children: ReactNode;
}) {
  return (
    <section
      data-testid={props.testId}
      style={{
        background: C.panel,
        border: `1px solid ${C.border}`,
        borderRadius: 8,
        overflow: 'hidden',
        display: 'flex',
        flexDirection: 'column',
        minWidth: 0,
        boxSizing: 'border-box',
        ...props.style,
      }}
    >
      <header
        style={{
          height: HEADER,
          flex: `0 0 ${HEADER}px`,
          boxSizing: 'border-box',
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          padding: '0 14px',
          borderBottom: `1px solid ${C.border}`,
          color: C.title,
          fontSize: 20,
          fontWeight: 600,
          whiteSpace: 'nowrap',
        }}
      >
        <span>{props.title}</span>
        <span style={{ fontSize: 16, fontWeight: 400, color: C.text }}>{props.extra}</span>
      </header>
      <div style={{ padding: '10px 14px', height: BODY + 20, boxSizing: 'border-box', overflow: 'hidden' }}>
        {props.children}
      </div>
    </section>
  );
}

/** A fixed-height list row: name (cut with … when long), then the right-hand cells. */
function Row(props: { name: ReactNode; cells: ReactNode[]; testId?: string }) {
  return (
    <div
      data-testid={props.testId}
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 10,
        height: BODY / LIST_ROWS,
        boxSizing: 'border-box',
        borderBottom: `1px solid ${C.border}`,
        fontSize: 17,
        color: C.text,
      }}
    >
      <div
        style={{ flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
      >
        {props.name}
      </div>
      {props.cells.map((cell, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the cells of a row are positional
        <div key={i} style={{ flex: '0 0 auto', textAlign: 'right' }}>
          {cell}
        </div>
      ))}
    </div>
  );
}

function Figure(props: { label: string; value: ReactNode; note?: ReactNode; testId: string }) {
  return (
    <div
      data-testid={props.testId}
      style={{
        flex: 1,
        minWidth: 0,
        background: C.panel,
        border: `1px solid ${C.border}`,
        borderRadius: 8,
        padding: '12px 18px',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
      }}
    >
      <div style={{ color: C.title, fontSize: 18, whiteSpace: 'nowrap' }}>{props.label}</div>
      <div style={{ display: 'flex', alignItems: 'baseline', gap: 10, whiteSpace: 'nowrap' }}>
        <span style={{ color: '#fff', fontSize: 40, fontWeight: 600, lineHeight: 1.1 }}>{props.value}</span>
        {props.note ? <span style={{ color: C.dim, fontSize: 16 }}>{props.note}</span> : null}
      </div>
    </div>
  );
}

/** 大屏: the cockpit's figures laid out for a 1920×1080 wall; nothing to click, all of it visible. */
export function WallBoard({ data }: { data: Cockpit }) {
  const { t, pick } = useI18n();
  const money = useFormatMoney();
  const look = { t, pick, dark: true };
  const round = data.latestRound;
  const depts = data.requests.byDepartment.slice(0, 7);
  const w = data.warnings;
  const chart = { height: BODY, width: '100%' };

  return (
    <div
      data-testid="cockpit-board"
      style={{
        display: 'grid',
        gridTemplateColumns: 'repeat(4, minmax(0, 1fr))',
        gridTemplateRows: `${WALL.figures}px ${WALL.row}px ${WALL.row}px`,
        gap: WALL.gap,
      }}
    >
      <div style={{ gridColumn: '1 / -1', display: 'flex', gap: WALL.gap }}>
        <Figure label={t('cockpit.projects')} value={data.totals.projects} testId="cockpit-total-projects" />
        <Figure
          label={t('cockpit.investment')}
          value={money(data.totals.investment)}
          testId="cockpit-total-investment"
        />
        <Figure label={t('cockpit.started')} value={data.totals.started} testId="cockpit-total-started" />
        <Figure
          label={t('cockpit.producing')}
          value={data.totals.producing}
          testId="cockpit-total-producing"
        />
        <Figure
          label={t('cockpit.round')}
          value={round?.rate === null || !round ? '—' : `${Math.round(round.rate * 100)}%`}
          note={round ? `${round.reported}/${round.expected}` : undefined}
          testId="cockpit-round-rate"
        />
        <Figure
          label={t('cockpit.requestsOpen')}
          value={data.requests.open}
          note={
            <span style={{ color: C.red }}>
              {t('cockpit.overdue')} {data.requests.overdue}
            </span>
          }
          testId="cockpit-requests-figure"
        />
      </div>

      <Panel title={t('cockpit.funnel')} testId="cockpit-funnel-card">
        <CockpitChart testId="cockpit-funnel" option={funnelOption(data, look)} style={chart} />
      </Panel>
      <Panel title={t('cockpit.monthly')} testId="cockpit-monthly-card" style={{ gridColumn: 'span 2' }}>
        <CockpitChart testId="cockpit-monthly" option={monthlyOption(data, look)} style={chart} />
      </Panel>
      <Panel
        title={t('cockpit.warnings')}
        testId="cockpit-warnings-card"
        extra={
          <span>
            <span style={{ color: C.red }}>
              {t('warning.severity.high')} {w.high}
            </span>{' '}
            · {t('warning.severity.medium')} {w.medium} · {t('warning.severity.low')} {w.low}
          </span>
        }
      >
        {w.top.slice(0, LIST_ROWS).map((item) => (
          <Row
            key={`${item.kind}-${item.link}-${item.reason.zh}`}
            name={
              <>
                <Tag color={SEVERITY_COLOR[item.severity]} style={{ fontSize: 14 }}>
                  {t(`warning.kind.${item.kind}`)}
                </Tag>
                {item.projectName ?? pick(item.reason)}
              </>
            }
            cells={[<span key="d">{t('cockpit.days', { n: item.days })}</span>]}
          />
        ))}
      </Panel>

      <Panel
        title={t('cockpit.requests')}
        testId="cockpit-requests-card"
        extra={
          <span>
            {t('cockpit.open')} {data.requests.open} ·{' '}
            <b style={{ color: C.red }}>
              {t('cockpit.overdue')} {data.requests.overdue}
            </b>
          </span>
        }
      >
        <CockpitChart testId="cockpit-requests" option={requestOption(depts, look)} style={chart} />
      </Panel>
      <Panel title={t('cockpit.chains')} testId="cockpit-chains-card">
        <CockpitChart testId="cockpit-chains" option={chainOption(data, look)} style={chart} />
      </Panel>
      <Panel
        title={t('cockpit.late')}
        testId="cockpit-late-card"
        extra={t('cockpit.lateCount', { n: data.late.count })}
      >
        {data.late.items.slice(0, LIST_ROWS).map((p) => (
          <Row
            key={p.id}
            name={p.name}
            cells={[
              <StageTag key="s" stage={p.stage as ProjectStage} />,
              <span key="d" style={{ color: C.red, display: 'inline-block', minWidth: 56 }}>
                {t('cockpit.days', { n: p.daysLate })}
              </span>,
            ]}
          />
        ))}
      </Panel>
      <Panel title={t('cockpit.top')} testId="cockpit-top-card">
        {data.topProjects.items.slice(0, LIST_ROWS).map((p) => (
          <Row
            key={p.id}
            testId="wall-top-row"
            name={p.name}
            cells={[<span key="m">{money(p.totalInvestment)}</span>]}
          />
        ))}
      </Panel>
    </div>
  );
}
