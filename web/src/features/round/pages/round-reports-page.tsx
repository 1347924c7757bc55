import { App, Button, Card, Image, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useFormatMoney } from '../../../components/money-text';
import { PageHeader } from '../../../components/page-header';
import { errorText } from '../../../lib/error-text';
import { useCan } from '../../../lib/use-me';
import { useI18n } from '../../../locales/i18n-context';
import { type RoundReport, useProblemsToRequest, useRoundReports } from '../api/use-rounds';
import { ReportRevisions } from '../components/report-revisions';

const FILTERS = ['roundId', 'projectId', 'periodFrom', 'periodTo', 'park', 'chainId'] as const;

/** `/rounds/reports` the reports behind a cockpit figure (period, park, chain) or of a round. */
export function RoundReportsPage() {
  const { t, pick } = useI18n();
  const can = useCan();
  const money = useFormatMoney();
  const { message } = App.useApp();
  const [search] = useSearchParams();
  const query = Object.fromEntries(
    FILTERS.flatMap((k) => (search.get(k) ? [[k, search.get(k) as string]] : [])),
  );
  const [page, setPage] = useState(1);
  const reports = useRoundReports(query, { limit: 50, offset: (page - 1) * 50 });
  const toRequest = useProblemsToRequest();
  const sum = (reports.data?.items ?? []).reduce((s, r) => s + r.fundsPeriod, 0);
  return (
    <>
      <PageHeader title={t('round.reportsTitle')} crumbs={[{ title: t('round.title'), path: '/rounds' }]} />
      <Card>
        <Space style={{ marginBottom: 8 }} wrap>
          {Object.entries(query).map(([k, v]) => (
            <Tag key={k}>{`${k}: ${v}`}</Tag>
          ))}
          <Typography.Text data-testid="round-reports-total">
            {reports.data?.total ?? 0} · {t('round.fundsPeriod')} {money(sum)}
          </Typography.Text>
        </Space>
        <Table<RoundReport>
          data-testid="round-reports"
          rowKey="id"
          size="small"
          loading={reports.isPending}
          dataSource={reports.data?.items ?? []}
          expandable={{ expandedRowRender: (r) => <ReportRevisions reportId={r.id} /> }}
          pagination={{
            current: page,
            pageSize: 50,
            total: reports.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
          columns={[
            { title: t('round.title'), dataIndex: 'roundTitle', width: 220 },
            {
              title: t('warning.project'),
              dataIndex: 'projectName',
              render: (v: string, r) => <Link to={`/projects/${r.projectId}`}>{v}</Link>,
            },
            {
              title: t('round.investmentPeriod'),
              dataIndex: 'investmentPeriod',
              width: 140,
              align: 'right',
              render: (v: number, r) => (
                <>
                  {money(v)} {r.investmentInStats ? null : <Tag>{t('round.notInStats')}</Tag>}
                </>
              ),
            },
            {
              title: t('round.rollup.investmentCumulative'),
              dataIndex: 'investmentCumulative',
              width: 130,
              align: 'right',
              render: (v: number | null) => (v === null ? '—' : money(v)),
            },
            {
              title: t('round.fundsPeriod'),
              dataIndex: 'fundsPeriod',
              width: 140,
              align: 'right',
              render: (v: number) => money(v),
            },
            { title: t('round.narrative'), dataIndex: 'narrative', ellipsis: true },
            {
              title: t('round.photos'),
              width: 120,
              render: (_: unknown, r) => (
                // Thumbnails: the stored photo (≤ 2048 px) drawn in a 40 px square, fetched only when
                // scrolled to; a tap opens it full size.
                <span data-testid="round-report-photos">
                  <Image.PreviewGroup>
                    {r.photos.map((p) => (
                      <Image
                        key={p.id}
                        width={40}
                        height={40}
                        loading="lazy"
                        style={{ objectFit: 'cover', borderRadius: 4 }}
                        src={`/api/round-reports/${r.id}/photos/${p.id}`}
                        alt={p.fileName}
                      />
                    ))}
                  </Image.PreviewGroup>
                </span>
              ),
            },
            {
              title: t('round.problems'),
              dataIndex: 'problems',
              width: 220,
              render: (v: string | null, r) =>
                v ? (
                  <Space direction="vertical" size={2}>
                    <span>{v}</span>
                    {can('request.create') ? (
                      <Button
                        size="small"
                        onClick={async () => {
                          try {
                            await toRequest.mutateAsync({ reportId: r.id, type: 'other' });
                            message.success(t('round.requestCreated'));
                          } catch (err) {
                            message.error(errorText(err, pick));
                          }
                        }}
                      >
                        {t('round.toRequest')}
                      </Button>
                    ) : null}
                  </Space>
                ) : (
                  '—'
                ),
            },
            {
              title: '',
              dataIndex: 'late',
              width: 70,
              render: (v: boolean) => (v ? <Tag color="orange">{t('round.late')}</Tag> : null),
            },
          ]}
        />
      </Card>
    </>
  );
}
