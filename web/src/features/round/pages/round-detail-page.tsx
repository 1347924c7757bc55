import { App, Button, Card, Checkbox, Progress, Space, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { ProjectStage } from '../../../../../shared/src/project-stage';
import { FullPageSpin } from '../../../components/full-page-spin';
import { LoadErrorResult } from '../../../components/load-error-result';
import { useFormatMoney } from '../../../components/money-text';
import { PageHeader } from '../../../components/page-header';
import { ReportButtons } from '../../../components/report-buttons';
import { ResponsiveTable } from '../../../components/responsive-table';
import { StageTag } from '../../../components/stage-tag';
import { errorText } from '../../../lib/error-text';
import { lazyComponent } from '../../../lib/lazy-component';
import { useIsPhone } from '../../../lib/use-is-phone';
import { useCan } from '../../../lib/use-me';
import { useI18n } from '../../../locales/i18n-context';
import { type RoundProject, useRemind, useRound } from '../api/use-rounds';
import { IssueReportButton, WithdrawnIssues } from '../components/issue-report-button';

// Dialogs load when first opened (lib/lazy-component.tsx).
// The round's sums per park, chain and officer sit below the projects: they load after them.
const RoundRollups = lazyComponent(() => import('../components/round-rollups').then((m) => m.RoundRollups));
const ReportFormModal = lazyComponent(() =>
  import('../components/report-form-modal').then((m) => m.ReportFormModal),
);

/** `/rounds/:id` a round: its projects, who has reported (late marked), who has not; report and remind. */
export function RoundDetailPage() {
  const { id = '' } = useParams();
  const { t, pick } = useI18n();
  const can = useCan();
  const money = useFormatMoney();
  const { message } = App.useApp();
  const round = useRound(id);
  const remind = useRemind(id);
  const isPhone = useIsPhone();
  const [reporting, setReporting] = useState<RoundProject | null>(null);
  const [onlyMissing, setOnlyMissing] = useState(false);
  if (round.isError) return <LoadErrorResult error={round.error} onRetry={() => round.refetch()} />;
  const r = round.data;
  if (!r) return <FullPageSpin />;
  const rows = onlyMissing ? r.projects.filter((p) => !p.reportId) : r.projects;
  const onRemind = async () => {
    try {
      const res = await remind.mutateAsync();
      message.success(t('round.reminded', { projects: res.projects, notified: res.notified }));
    } catch (err) {
      message.error(errorText(err, pick));
    }
  };
  return (
    <>
      <PageHeader
        title={r.title}
        crumbs={[{ title: t('round.title'), path: '/rounds' }]}
        subtitle={`${r.periodStart} — ${r.periodEnd} · ${t('round.deadline')} ${r.deadline}`}
        extra={
          <Space>
            <Tag color={r.status === 'open' ? 'blue' : 'default'} data-testid="round-status">
              {t(`round.status.${r.status}`)}
            </Tag>
            <ReportButtons roundId={r.id} />
            <IssueReportButton roundId={r.id} />
            {can('round.remind') ? (
              <Button onClick={onRemind} loading={remind.isPending} data-testid="round-remind">
                {t('round.remind')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Card>
        <WithdrawnIssues roundId={r.id} />
        <Space style={{ marginBottom: 12 }}>
          <Progress
            type="circle"
            size={56}
            percent={r.expected ? Math.round((r.reported / r.expected) * 100) : 0}
          />
          <span data-testid="round-counts">
            {t('round.reported')} {r.reported} / {r.expected} · {t('round.notReported')}{' '}
            {r.expected - r.reported} · {t('round.late')} {r.late}
          </span>
          <Checkbox
            checked={onlyMissing}
            onChange={(e) => setOnlyMissing(e.target.checked)}
            data-testid="round-only-missing"
          >
            {t('round.onlyMissing')}
          </Checkbox>
        </Space>
        <ResponsiveTable<RoundProject>
          data-testid="round-projects"
          rowKey="projectId"
          size="small"
          // On a phone the table scrolls in its own box with 填报 pinned to the right edge, in reach.
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          dataSource={rows}
          columns={[
            {
              title: t('warning.project'),
              dataIndex: 'name',
              width: isPhone ? 140 : undefined,
              render: (v: string, p) => <Link to={`/projects/${p.projectId}`}>{v}</Link>,
            },
            {
              title: '',
              dataIndex: 'stage',
              width: 110,
              render: (s: ProjectStage) => <StageTag stage={s} />,
            },
            {
              title: t('cockpit.park'),
              dataIndex: 'park',
              width: 180,
              render: (v: string | null) => v ?? '—',
            },
            {
              title: t('round.status'),
              width: 150,
              render: (_: unknown, p) =>
                p.reportId ? (
                  <Tag color={p.late ? 'orange' : 'green'}>
                    {p.late ? t('round.submittedLate') : t('round.submitted')}
                  </Tag>
                ) : (
                  <Tag color="red">{t('round.notReported')}</Tag>
                ),
            },
            {
              title: t('round.investmentPeriod'),
              dataIndex: 'investmentPeriod',
              width: 160,
              align: 'right',
              render: (v: number | null, p) =>
                v === null ? (
                  '—'
                ) : (
                  <>
                    {money(v)} {p.investmentInStats === false ? <Tag>{t('round.notInStats')}</Tag> : null}
                  </>
                ),
            },
            {
              title: t('round.rollup.investmentCumulative'),
              dataIndex: 'investmentCumulative',
              width: 170,
              align: 'right',
              render: (v: number | null, p) =>
                p.reportId === null || v === null ? (
                  '—'
                ) : (
                  <>
                    {money(v)}{' '}
                    {p.cumulativeDisagrees ? (
                      <Tooltip title={t('round.cumulativeCheck')}>
                        <Tag color="orange" data-testid={`round-cumulative-flag-${p.projectId}`}>
                          {t('round.cumulativeFlag')}
                        </Tag>
                      </Tooltip>
                    ) : null}
                  </>
                ),
            },
            { title: t('round.reminders'), dataIndex: 'reminders', width: 90, align: 'right' },
            {
              title: '',
              width: isPhone ? 80 : 110,
              fixed: 'right',
              render: (_: unknown, p) =>
                can('round.report') ? (
                  <Button
                    size={isPhone ? 'middle' : 'small'}
                    onClick={() => setReporting(p)}
                    data-testid={`round-report-${p.projectId}`}
                  >
                    {p.reportId ? t('round.reportEdit') : t('round.report')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <RoundRollups rollups={r.rollups} />
      {reporting ? (
        <ReportFormModal roundId={r.id} project={reporting} onClose={() => setReporting(null)} />
      ) : null}
    </>
  );
}
