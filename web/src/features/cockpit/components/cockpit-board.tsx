import { Button, Card, Col, Progress, Row, Statistic, Table, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { type ProjectStage, projectStageLabel } from '../../../../../shared/src/project-stage';
import { useFormatMoney } from '../../../components/money-text';
import { StageTag } from '../../../components/stage-tag';
import { useI18n } from '../../../locales/i18n-context';
import { type Cockpit, type ListLink, linkHref } from '../api/use-cockpit';
import { CockpitChart } from './cockpit-chart';

const WAN = 10_000;
const SEVERITY_COLOR = { high: 'red', medium: 'orange', low: 'gold' } as const;

interface Props {
  data: Cockpit;
  /** Wall screen: dark, bigger, no clicks. */
  dark?: boolean;
}

/**
 * The cockpit's figures and charts. On the page every chart and row opens the list behind it
 * (the link the server attached to the figure); on the wall screen nothing is clickable.
 */
export function CockpitBoard({ data, dark = false }: Props) {
  const { t, pick } = useI18n();
  const money = useFormatMoney();
  const navigate = useNavigate();
  const go = dark ? undefined : (link: ListLink | null | undefined) => link && navigate(linkHref(link));
  const text = dark ? '#d6e4ff' : undefined;
  const chartH = dark ? 235 : 320;
  // Colours only on the dark wall: an undefined colour would hide ECharts' own defaults.
  const axis = dark ? { axisLabel: { color: text }, axisLine: { lineStyle: { color: '#3a4a6b' } } } : {};
  const legend = dark ? { textStyle: { color: text }, top: 0 } : { top: 0 };

  const panel = (title: string, body: ReactNode, testId: string, extra?: ReactNode) => (
    <Card
      size="small"
      title={title}
      extra={extra}
      data-testid={testId}
      style={dark ? { background: '#0f1c3a', borderColor: '#1f3a6b', height: '100%' } : { height: '100%' }}
      styles={dark ? { header: { color: '#8fc1ff', fontSize: 20 }, body: { color: text } } : undefined}
    >
      {body}
    </Card>
  );

  const funnelOption = {
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
        label: { show: true, position: 'inside', formatter: '{b} {c}', color: '#fff' },
        data: data.funnel.map((f) => ({
          name: pick(projectStageLabel(f.stage as ProjectStage)),
          value: f.count,
        })),
      },
    ],
  };

  const months = data.monthly.map((m) => m.month.slice(5));
  const monthlyOption = {
    tooltip: { trigger: 'axis' },
    legend,
    grid: { left: 60, right: 20, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: months, ...axis },
    yAxis: {
      type: 'value',
      name: t('cockpit.unitWan'),
      ...(dark ? { nameTextStyle: { color: text } } : {}),
      ...axis,
    },
    series: [
      {
        name: t('cockpit.signedMonth'),
        type: 'bar',
        data: data.monthly.map((m) => Math.round(m.investmentSigned / WAN)),
      },
      {
        name: t('cockpit.signedCum'),
        type: 'line',
        data: data.monthly.map((m) => Math.round(m.cumulativeSigned / WAN)),
      },
      {
        name: t('cockpit.fundsCum'),
        type: 'line',
        data: data.monthly.map((m) => Math.round(m.cumulativeFunds / WAN)),
      },
      ...(data.targets.investmentSigned !== null
        ? [
            {
              name: t('cockpit.signedTarget'),
              type: 'line',
              lineStyle: { type: 'dashed' },
              data: data.monthly.map((m) => Math.round((m.targetSignedToDate ?? 0) / WAN)),
            },
          ]
        : []),
      ...(data.targets.fundsInPlace !== null
        ? [
            {
              name: t('cockpit.fundsTarget'),
              type: 'line',
              lineStyle: { type: 'dashed' },
              data: data.monthly.map((m) => Math.round((m.targetFundsToDate ?? 0) / WAN)),
            },
          ]
        : []),
    ],
  };

  const depts = data.requests.byDepartment.slice(0, 8);
  const requestOption = {
    tooltip: { trigger: 'axis' },
    legend,
    grid: { left: 150, right: 20, top: 40, bottom: 20 },
    yAxis: { type: 'category', data: depts.map((d) => d.departmentName ?? '—'), inverse: true, ...axis },
    xAxis: { type: 'value', minInterval: 1, ...axis },
    series: [
      { name: t('cockpit.open'), type: 'bar', data: depts.map((d) => d.open) },
      {
        name: t('cockpit.overdue'),
        type: 'bar',
        itemStyle: { color: '#cf1322' },
        data: depts.map((d) => d.overdue),
      },
    ],
  };

  const chainOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 110, right: 40, top: 10, bottom: 20 },
    yAxis: { type: 'category', data: data.chains.map((c) => c.name), inverse: true, ...axis },
    xAxis: {
      type: 'value',
      max: 100,
      axisLabel: dark ? { formatter: '{value}%', color: text } : { formatter: '{value}%' },
    },
    series: [
      {
        type: 'bar',
        label: { show: true, position: 'right', formatter: '{c}%', ...(dark ? { color: text } : {}) },
        data: data.chains.map((c) => Math.round((c.rate ?? 0) * 100)),
      },
    ],
  };

  const stat = (title: string, value: ReactNode, testId: string, link?: ListLink) => (
    <Card
      size="small"
      hoverable={!dark && !!link}
      onClick={() => go?.(link)}
      data-testid={testId}
      style={dark ? { background: '#0f1c3a', borderColor: '#1f3a6b' } : undefined}
    >
      <Statistic
        title={<span style={{ color: dark ? '#8fc1ff' : undefined }}>{title}</span>}
        value={value as string}
        valueStyle={dark ? { color: '#fff', fontSize: 40 } : undefined}
      />
    </Card>
  );

  const round = data.latestRound;
  return (
    <div data-testid="cockpit-board">
      <Row gutter={[12, 12]}>
        <Col span={6}>
          {stat(t('cockpit.projects'), data.totals.projects, 'cockpit-total-projects', data.totals.link)}
        </Col>
        <Col span={6}>
          {stat(
            t('cockpit.investment'),
            money(data.totals.investment),
            'cockpit-total-investment',
            data.totals.link,
          )}
        </Col>
        <Col span={6}>
          {stat(
            t('cockpit.started'),
            data.totals.started,
            'cockpit-total-started',
            data.funnel.find((f) => f.stage === 'started')?.link,
          )}
        </Col>
        <Col span={6}>
          {stat(
            t('cockpit.round'),
            round?.rate === null || !round ? '—' : `${Math.round(round.rate * 100)}%`,
            'cockpit-round-rate',
            round?.link,
          )}
        </Col>

        <Col xs={24} xl={10}>
          {panel(
            t('cockpit.funnel'),
            <CockpitChart
              testId="cockpit-funnel"
              option={funnelOption}
              style={{ height: chartH }}
              onClick={go ? (p) => go(data.funnel[p.dataIndex]?.link) : undefined}
            />,
            'cockpit-funnel-card',
          )}
        </Col>
        <Col xs={24} xl={14}>
          {panel(
            t('cockpit.monthly'),
            <CockpitChart
              testId="cockpit-monthly"
              option={monthlyOption}
              style={{ height: chartH }}
              onClick={
                go
                  ? (p) => {
                      const m = data.monthly[p.dataIndex];
                      if (m) go(p.seriesIndex === 2 ? m.fundsLink : m.signedLink);
                    }
                  : undefined
              }
            />,
            'cockpit-monthly-card',
          )}
        </Col>

        <Col xs={24} xl={12}>
          {panel(
            t('cockpit.requests'),
            <CockpitChart
              testId="cockpit-requests"
              option={requestOption}
              style={{ height: chartH - 40 }}
              onClick={
                go
                  ? (p) => {
                      const d = depts[p.dataIndex];
                      if (d) go(p.seriesIndex === 1 ? d.overdueLink : d.openLink);
                    }
                  : undefined
              }
            />,
            'cockpit-requests-card',
            <span>
              {t('cockpit.open')} {data.requests.open} · {t('cockpit.overdue')}{' '}
              <b style={{ color: '#cf1322' }}>{data.requests.overdue}</b>
            </span>,
          )}
        </Col>
        <Col xs={24} xl={12}>
          {panel(
            t('cockpit.chains'),
            <CockpitChart
              testId="cockpit-chains"
              option={chainOption}
              style={{ height: chartH - 40 }}
              onClick={go ? (p) => go(data.chains[p.dataIndex]?.link) : undefined}
            />,
            'cockpit-chains-card',
          )}
        </Col>

        <Col xs={24} xl={12}>
          {panel(
            t('cockpit.late'),
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={data.late.items.slice(0, dark ? 4 : 10)}
              onRow={(r) => ({ onClick: () => go?.({ path: `/projects/${r.id}`, query: {} }) })}
              columns={[
                { title: t('warning.project'), dataIndex: 'name', ellipsis: true },
                {
                  title: '',
                  dataIndex: 'stage',
                  width: 110,
                  render: (s: ProjectStage) => <StageTag stage={s} />,
                },
                { title: t('cockpit.daysLate'), dataIndex: 'daysLate', width: 90, align: 'right' },
              ]}
            />,
            'cockpit-late-card',
            <Button
              type="link"
              size="small"
              onClick={() => go?.(data.late.link)}
              data-testid="cockpit-late-count"
            >
              {t('cockpit.lateCount', { n: data.late.count })}
            </Button>,
          )}
        </Col>
        <Col xs={24} xl={12}>
          {panel(
            t('cockpit.top'),
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={data.topProjects.items.slice(0, dark ? 4 : 10)}
              onRow={(r) => ({ onClick: () => go?.({ path: `/projects/${r.id}`, query: {} }) })}
              columns={[
                { title: t('warning.project'), dataIndex: 'name', ellipsis: true },
                {
                  title: '',
                  dataIndex: 'stage',
                  width: 110,
                  render: (s: ProjectStage) => <StageTag stage={s} />,
                },
                {
                  title: t('cockpit.investment'),
                  dataIndex: 'totalInvestment',
                  width: 110,
                  align: 'right',
                  render: (v: number) => money(v),
                },
              ]}
            />,
            'cockpit-top-card',
          )}
        </Col>

        <Col xs={24} xl={8}>
          {panel(
            t('cockpit.round'),
            round ? (
              <div>
                <div style={{ marginBottom: 8 }}>{round.title}</div>
                <Progress percent={Math.round((round.rate ?? 0) * 100)} />
                <div>
                  {t('cockpit.reported', {
                    reported: round.reported,
                    expected: round.expected,
                    late: round.late,
                  })}
                </div>
              </div>
            ) : (
              t('cockpit.noRound')
            ),
            'cockpit-round-card',
          )}
        </Col>
        <Col xs={24} xl={16}>
          {panel(
            `${t('cockpit.warnings')} · ${data.warnings.total}`,
            <Table
              size="small"
              rowKey={(w) => `${w.kind}-${w.link}-${w.reason.zh}`}
              pagination={false}
              dataSource={data.warnings.top.slice(0, dark ? 3 : 8)}
              onRow={(w) => ({ onClick: () => go?.({ path: w.link, query: {} }) })}
              columns={[
                {
                  title: t('warning.severity'),
                  dataIndex: 'severity',
                  width: 80,
                  render: (s: 'high' | 'medium' | 'low') => (
                    <Tag color={SEVERITY_COLOR[s]}>{t(`warning.severity.${s}`)}</Tag>
                  ),
                },
                { title: t('warning.project'), dataIndex: 'projectName', width: 200, ellipsis: true },
                {
                  title: t('warning.reason'),
                  dataIndex: 'reason',
                  ellipsis: true,
                  render: (r: { zh: string; en: string }) => pick(r),
                },
              ]}
            />,
            'cockpit-warnings-card',
            dark ? undefined : (
              <Button type="link" size="small" onClick={() => navigate('/warnings')}>
                {t('cockpit.warningsAll')}
              </Button>
            ),
          )}
        </Col>
      </Row>
    </div>
  );
}
