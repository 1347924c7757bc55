import { Space, type TableProps, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { FigureLabel } from '../../../components/figure-label';
import { FigureSourceTag } from '../../../components/figure-source-tag';
import { useFormatMoney } from '../../../components/money-text';
import { RecordLinkText } from '../../../components/record-link-text';
import { ResponsiveTable } from '../../../components/responsive-table';
import { SampleTag } from '../../../components/sample-tag';
import { StageTag } from '../../../components/stage-tag';
import { sortOrderOf, sortParamOf } from '../../../lib/table-sort';
import { useI18n } from '../../../locales/i18n-context';
import type { ProjectList, ProjectListItem } from '../api/use-projects';
import { PriorityTag } from './priority-tag';

interface ProjectsTableProps {
  data: ProjectList | undefined;
  loading: boolean;
  sort: string;
  defaultSort: string;
  page: { current: number; pageSize: number };
  onSort: (sort: string) => void;
  onPage: (page: { current: number; pageSize: number }) => void;
}

/** The project list: amounts as 亿/万, sortable columns, late milestones flagged. */
export function ProjectsTable({
  data,
  loading,
  sort,
  defaultSort,
  page,
  onSort,
  onPage,
}: ProjectsTableProps) {
  const { t } = useI18n();
  const formatMoney = useFormatMoney();
  const sortable = (key: string) => ({ key, sorter: true, sortOrder: sortOrderOf(sort, key) });
  const money = (key: 'totalInvestment' | 'expectedOutput' | 'expectedTax', title: ReactNode) => ({
    title,
    ...sortable(key),
    align: 'right' as const,
    width: 150,
    render: (_value: unknown, project: ProjectListItem) => (
      <>
        {formatMoney(project[key])}
        <FigureSourceTag provenance={project.figureSources[key]} />
      </>
    ),
  });

  const columns: TableProps<ProjectListItem>['columns'] = [
    {
      title: t('project.name'),
      ...sortable('name'),
      fixed: 'left',
      width: 280,
      render: (_value, project) => (
        <Space size={4} wrap>
          <Link to={`/projects/${project.id}`}>{project.name}</Link>
          <SampleTag isSample={project.isSample} />
        </Space>
      ),
    },
    { title: t('project.code'), dataIndex: 'code', ...sortable('code'), width: 120 },
    {
      title: t('project.stage'),
      ...sortable('stage'),
      width: 130,
      render: (_value, project) => (
        <Space orientation="vertical" size={0}>
          <StageTag stage={project.stage} />
          {project.stageDate ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {project.stageDate}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('project.priorityLabel'),
      ...sortable('priority'),
      width: 100,
      render: (_value, project) => <PriorityTag priority={project.priority} />,
    },
    money('totalInvestment', <FigureLabel figure="totalInvestment" label={t('project.totalInvestment')} />),
    {
      // 累计到位资金 (shared/src/figures.ts): the latest dispatch cumulative, else the ledger.
      title: <FigureLabel figure="fundsInPlaceCumulative" />,
      key: 'fundsInPlaceCumulative',
      align: 'right' as const,
      width: 140,
      render: (_value: unknown, project: ProjectListItem) => (
        <>
          {formatMoney(project.figures.fundsInPlaceCumulative)}
          <FigureSourceTag provenance={project.figureSources.fundsInPlaceCumulative} />
        </>
      ),
    },
    money('expectedOutput', t('project.expectedOutput')),
    money('expectedTax', t('project.expectedTax')),
    {
      title: t('project.landMu'),
      ...sortable('landMu'),
      align: 'right',
      width: 90,
      render: (_value, project) => (project.landMu === null ? '—' : project.landMu),
    },
    {
      title: t('project.park'),
      dataIndex: 'park',
      ...sortable('park'),
      width: 170,
      ellipsis: true,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('pipeline.chainLink'),
      key: 'link',
      width: 180,
      ellipsis: true,
      render: (_value, project) => <RecordLinkText link={project.link} fallback={project.chainLink} />,
    },
    {
      title: t('project.investors'),
      key: 'investors',
      width: 220,
      ellipsis: true,
      render: (_value, project) => project.investors.map((investor) => investor.firmName).join('、') || '—',
    },
    {
      title: t('pipeline.officer'),
      dataIndex: 'officerName',
      width: 100,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('project.milestonesLate'),
      key: 'late',
      width: 120,
      render: (_value, project) =>
        project.lateMilestones > 0 ? (
          <Tag color="red" data-testid="late-tag">
            {t('project.lateCount', { count: project.lateMilestones, days: project.maxDaysLate })}
          </Tag>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
  ];

  return (
    <ResponsiveTable<ProjectListItem>
      rowKey="id"
      data-testid="projects-table"
      size="middle"
      loading={loading}
      dataSource={data?.items ?? []}
      columns={columns}
      scroll={{ x: 2000 }}
      onChange={(pagination, _filters, sorter) => {
        const next = sortParamOf(sorter) ?? defaultSort;
        if (next !== sort) onSort(next);
        else onPage({ current: pagination.current ?? 1, pageSize: pagination.pageSize ?? page.pageSize });
      }}
      pagination={{
        current: page.current,
        pageSize: page.pageSize,
        total: data?.total ?? 0,
        // The phone's cards page through this (the table's own change above does on a desk).
        onChange: (current, pageSize) => onPage({ current, pageSize }),
        showSizeChanger: true,
        // Past LIANZHAO_LIST_EXACT_TOTAL_CAP matches the server estimates the total and says so.
        showTotal: (total) =>
          data?.totalIsEstimate
            ? t('common.totalEstimated', { total: total.toLocaleString('en-US') })
            : t('common.total', { total }),
      }}
    />
  );
}
