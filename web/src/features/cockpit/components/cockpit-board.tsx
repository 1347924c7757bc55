import { Button, Card, Col, Progress, Row, Statistic, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import type { FigureKey } from '../../../../../shared/src/figures';
import type { ProjectStage } from '../../../../../shared/src/project-stage';
import { FigureLabel } from '../../../components/figure-label';
import { useFormatMoney } from '../../../components/money-text';
import { ResponsiveTable } from '../../../components/responsive-table';
import { StageTag } from '../../../components/stage-tag';
import { lazyComponent } from '../../../lib/lazy-component';
import { linkHref } from '../../../lib/list-link';
import { useI18n } from '../../../locales/i18n-context';
import type { Cockpit, ListLink } from '../api/use-cockpit';
import { chainOption, funnelOption, monthlyOption, requestOption } from './cockpit-options';
import { PromisedActualCard } from './promised-actual-card';

// The chart library (ECharts) loads after the figures: a phone shows the numbers first.
const CockpitChart = lazyComponent(() => import('./cockpit-chart').then((m) => m.CockpitChart));

const SEVERITY_COLOR = { high: 'red', medium: 'orange', low: 'gold' } as const;

interface Props {
  data: Cockpit;
}

/**
 * The cockpit's figures and charts on the page: every chart, row and count opens the list behind
 * it (the link the server attached to the figure). The wall screen has its own layout (wall-board).
 */
export function CockpitBoard({ data }: Props) {
  const { t, pick } = useI18n();
  const money = useFormatMoney();
  const navigate = useNavigate();
  const go = (link: ListLink | null | undefined) => link && navigate(linkHref(link));
  const look = { t, pick, dark: false };
  const chartH = 320;

  const panel = (title: ReactNode, body: ReactNode, testId: string, extra?: ReactNode) => (
    <Card size="small" title={title} extra={extra} data-testid={testId} style={{ height: '100%' }}>
      {body}
    </Card>
  );

  const depts = data.requests.byDepartment.slice(0, 8);
  const scope: Record<string, string> = {};
  if (data.filters.park) scope.park = data.filters.park;
  if (data.filters.chainId) scope.chain = data.filters.chainId;

  const stat = (figure: FigureKey, value: ReactNode, testId: string, link?: ListLink) => (
    <Card size="small" hoverable={!!link} onClick={() => go(link)} data-testid={testId}>
      <Statistic title={<FigureLabel figure={figure} />} value={value as string} />
    </Card>
  );

  const round = data.latestRound;
  return (
    <div data-testid="cockpit-board">
      <Row gutter={[12, 12]}>
        <Col xs={24} sm={12} lg={6}>
          {stat('activeProjects', data.totals.projects, 'cockpit-total-projects', data.totals.link)}
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <PromisedActualCard data={data} onOpen={go} />
        </Col>
        <Col xs={24} sm={12} lg={6}>
          {stat(
            'startedProjects',
            data.totals.started,
            'cockpit-total-started',
            data.funnel.find((f) => f.stage === 'started')?.link,
          )}
        </Col>
        <Col xs={24} sm={12} lg={6}>
          {stat(
            'roundReportRate',
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
              option={funnelOption(data, look)}
              style={{ height: chartH }}
              onClick={(p) => go(data.funnel[p.dataIndex]?.link)}
            />,
            'cockpit-funnel-card',
          )}
        </Col>
        <Col xs={24} xl={14}>
          {panel(
            <span>
              {t('cockpit.monthly')}
              <FigureLabel figure="fundsInPlaceYear" label=" " />
            </span>,
            <CockpitChart
              testId="cockpit-monthly"
              option={monthlyOption(data, look)}
              style={{ height: chartH }}
              onClick={(p) => {
                const m = data.monthly[p.dataIndex];
                if (m) go(p.seriesIndex === 2 ? m.fundsLink : m.signedLink);
              }}
            />,
            'cockpit-monthly-card',
          )}
        </Col>

        <Col xs={24} xl={12}>
          {panel(
            t('cockpit.requests'),
            <CockpitChart
              testId="cockpit-requests"
              option={requestOption(depts, look)}
              style={{ height: chartH - 40 }}
              onClick={(p) => {
                const d = depts[p.dataIndex];
                if (d) go(p.seriesIndex === 1 ? d.overdueLink : d.openLink);
              }}
            />,
            'cockpit-requests-card',
            <span>
              <Button
                type="link"
                size="small"
                onClick={() => go(data.requests.openLink)}
                data-testid="cockpit-requests-open"
              >
                {t('cockpit.open')} {data.requests.open}
              </Button>
              <FigureLabel figure="openRequests" label="" />·
              <Button
                type="link"
                size="small"
                danger
                onClick={() => go(data.requests.overdueLink)}
                data-testid="cockpit-requests-overdue"
              >
                {t('cockpit.overdue')} <b>{data.requests.overdue}</b>
              </Button>
              <FigureLabel figure="overdueRequests" label="" />
            </span>,
          )}
        </Col>
        <Col xs={24} xl={12}>
          {panel(
            t('cockpit.chains'),
            <CockpitChart
              testId="cockpit-chains"
              option={chainOption(data, look)}
              style={{ height: chartH - 40 }}
              onClick={(p) => go(data.chains[p.dataIndex]?.link)}
            />,
            'cockpit-chains-card',
          )}
        </Col>

        <Col xs={24} xl={12}>
          {panel(
            t('cockpit.late'),
            <ResponsiveTable
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={data.late.items}
              onRow={(r) => ({ onClick: () => go({ path: `/projects/${r.id}`, query: {} }) })}
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
              onClick={() => go(data.late.link)}
              data-testid="cockpit-late-count"
            >
              {t('cockpit.lateCount', { n: data.late.count })}
            </Button>,
          )}
        </Col>
        <Col xs={24} xl={12}>
          {panel(
            t('cockpit.top'),
            <ResponsiveTable
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={data.topProjects.items}
              onRow={(r) => ({ onClick: () => go({ path: `/projects/${r.id}`, query: {} }) })}
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
            <ResponsiveTable
              size="small"
              rowKey={(w) => `${w.kind}-${w.link}-${w.reason.zh}`}
              pagination={false}
              dataSource={data.warnings.top}
              onRow={(w) => ({ onClick: () => go({ path: w.link, query: {} }) })}
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
            <span>
              {data.compliance ? (
                <Button
                  type="link"
                  size="small"
                  danger={data.compliance.behind > 0}
                  onClick={() =>
                    go({
                      path: '/compliance',
                      query: { year: String(data.compliance?.year), status: 'behind', ...scope },
                    })
                  }
                  data-testid="cockpit-compliance-behind"
                >
                  {t('cockpit.complianceBehind', {
                    year: data.compliance.year,
                    behind: data.compliance.behind,
                  })}
                </Button>
              ) : null}
              <Button
                type="link"
                size="small"
                onClick={() => go({ path: '/warnings', query: scope })}
                data-testid="cockpit-warnings-all"
              >
                {t('cockpit.warningsAll')}
              </Button>
            </span>,
          )}
        </Col>
      </Row>
    </div>
  );
}
