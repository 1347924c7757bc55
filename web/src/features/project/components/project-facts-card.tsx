import { Card, Col, Descriptions, Row, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { SourcedProjectFigure } from '../../../../../shared/src/figure-source';
import { FigureLabel } from '../../../components/figure-label';
import { FigureSourceTag } from '../../../components/figure-source-tag';
import { useFormatMoney, useFormatPerMu } from '../../../components/money-text';
import { RecordLinkText } from '../../../components/record-link-text';
import { ResponsiveTable } from '../../../components/responsive-table';
import { lazyComponent } from '../../../lib/lazy-component';
import { useI18n } from '../../../locales/i18n-context';
import type { Project, ProjectInvestor } from '../api/use-projects';
import { PriorityTag } from './priority-tag';

// The 核实数字 button (a Popconfirm) is for officers only: it loads after the figures.
const VerifyFiguresButton = lazyComponent(() =>
  import('./verify-figures-button').then((m) => m.VerifyFiguresButton),
);

/**
 * 一项目一档: every fact on the project's file, its investors, its 项目公司 and its 亩均 figures;
 * each KPI with where it comes from (承诺 / 估算 / 填报 / 核实, issue 14).
 */
export function ProjectFactsCard({ project, canVerify }: { project: Project; canVerify: boolean }) {
  const { t } = useI18n();
  const formatMoney = useFormatMoney();
  const formatPerMu = useFormatPerMu();
  const dash = (value: string | number | null) => (value === null || value === '' ? '—' : value);
  const sourced = (figure: SourcedProjectFigure, value: ReactNode) => (
    <span data-testid={`project-figure-${figure}`}>
      {value}
      <FigureSourceTag provenance={project.figureSources[figure]} />
    </span>
  );
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={16}>
        <Card
          title={t('project.facts')}
          style={{ height: '100%' }}
          extra={canVerify ? <VerifyFiguresButton project={project} /> : null}
        >
          <Descriptions
            column={{ xs: 1, md: 2, xl: 3 }}
            size="small"
            items={[
              { label: t('project.code'), children: project.code },
              {
                label: t('project.priorityLabel'),
                children: project.priority ? <PriorityTag priority={project.priority} /> : '—',
              },
              {
                label: t('project.park'),
                children: project.parkRef ? (
                  <Link to={`/parks/${project.parkRef.id}`} data-testid="project-park-link">
                    {project.parkRef.name}
                  </Link>
                ) : (
                  dash(project.park)
                ),
              },
              // The imported text stays visible beside the reference until they agree.
              ...(project.parkRef && project.park && project.park !== project.parkRef.name
                ? [{ label: t('project.parkText'), children: project.park }]
                : []),
              {
                label: t('pipeline.chainLink'),
                children: <RecordLinkText link={project.link} fallback={project.chainLink} />,
              },
              ...(project.link && project.chainLink
                ? [{ label: t('pipeline.chainLinkText'), children: project.chainLink }]
                : []),
              {
                label: t('project.landMu'),
                children: project.landMu === null ? '—' : t('project.muValue', { mu: project.landMu }),
              },
              { label: t('project.startDate'), children: dash(project.startDate) },
              {
                label: <FigureLabel figure="totalInvestment" label={t('project.totalInvestment')} />,
                children: sourced('totalInvestment', formatMoney(project.totalInvestment)),
              },
              {
                label: (
                  <FigureLabel figure="fixedAssetInvestment" label={t('project.fixedAssetInvestment')} />
                ),
                children: sourced('fixedAssetInvestment', formatMoney(project.fixedAssetInvestment)),
              },
              {
                label: <FigureLabel figure="fundsInPlaceCumulative" />,
                children: (
                  <span data-testid="project-funds-cumulative">
                    {formatMoney(project.figures.fundsInPlaceCumulative)}
                    {project.figures.asOf ? `（${t('project.asOf', { date: project.figures.asOf })}）` : ''}
                    <FigureSourceTag provenance={project.figureSources.fundsInPlaceCumulative} />
                  </span>
                ),
              },
              {
                label: <FigureLabel figure="completedInvestmentCumulative" />,
                children: sourced(
                  'completedInvestmentCumulative',
                  formatMoney(project.figures.completedInvestmentCumulative),
                ),
              },
              {
                label: <FigureLabel figure="fundsInPlaceLedger" />,
                children: sourced('fundsInPlace', formatMoney(project.fundsInPlace)),
              },
              { label: t('project.capacity'), children: dash(project.capacityText) },
              {
                label: t('project.expectedOutput'),
                children: sourced('expectedOutput', formatMoney(project.expectedOutput)),
              },
              {
                label: t('project.expectedTax'),
                children: sourced('expectedTax', formatMoney(project.expectedTax)),
              },
              {
                label: t('project.expectedJobs'),
                children: sourced(
                  'expectedJobs',
                  project.expectedJobs === null
                    ? '—'
                    : t('project.jobsValue', { jobs: project.expectedJobs }),
                ),
              },
              {
                label: t('project.expectedExports'),
                children: sourced('expectedExports', formatMoney(project.expectedExports)),
              },
              {
                label: t('kpi.company'),
                children: project.company ? (
                  <Link to={`/firms/${project.company.firmId}`} data-testid="project-company">
                    {project.company.firmName}
                  </Link>
                ) : (
                  '—'
                ),
              },
              { label: t('pipeline.officer'), children: dash(project.officerName) },
              { label: t('project.leaderName'), children: dash(project.leaderName) },
              {
                label: t('project.contact'),
                children: dash([project.contactName, project.contactPhone].filter(Boolean).join(' ')),
              },
              ...(project.leadId
                ? [
                    {
                      label: t('project.fromLead'),
                      children: <Link to={`/leads/${project.leadId}`}>{t('project.openLead')}</Link>,
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card title={t('project.figures')} style={{ marginBottom: 16 }} data-testid="project-figures">
          <Row gutter={8}>
            <Col span={8}>
              <Statistic
                title={t('project.investmentPerMu')}
                value={formatPerMu(project.figures.investmentPerMu)}
                styles={{ content: { fontSize: 16 } }}
              />
            </Col>
            <Col span={8}>
              <Statistic
                title={t('project.taxPerMu')}
                value={formatPerMu(project.figures.expectedTaxPerMu)}
                styles={{ content: { fontSize: 16 } }}
              />
            </Col>
            <Col span={8}>
              <Statistic
                title={t('project.outputPerMu')}
                value={formatPerMu(project.figures.expectedOutputPerMu)}
                styles={{ content: { fontSize: 16 } }}
              />
            </Col>
          </Row>
          {project.landMu === null ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('project.figuresNeedLand')}
            </Typography.Text>
          ) : null}
        </Card>
        <Card title={t('project.investors')} data-testid="project-investors">
          <ResponsiveTable<ProjectInvestor>
            rowKey="firmId"
            size="small"
            pagination={false}
            dataSource={project.investors}
            locale={{ emptyText: t('project.noInvestors') }}
            columns={[
              {
                title: t('firm.name'),
                dataIndex: 'firmName',
                render: (name: string, investor) => <Link to={`/firms/${investor.firmId}`}>{name}</Link>,
              },
              {
                title: t('project.sharePct'),
                dataIndex: 'sharePct',
                align: 'right',
                width: 90,
                render: (share: number | null) => (share === null ? '—' : `${share}%`),
              },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
