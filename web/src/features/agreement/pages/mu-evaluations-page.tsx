import { DownloadOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import { MU_CLASSES, type MuClass } from '../../../../../shared/src/agreement';
import { LoadErrorResult } from '../../../components/load-error-result';
import { useFormatPerMu } from '../../../components/money-text';
import { PageHeader } from '../../../components/page-header';
import { SampleTag } from '../../../components/sample-tag';
import { ApiError, downloadFile } from '../../../lib/api-client';
import { errorText } from '../../../lib/error-text';
import { useCan } from '../../../lib/use-me';
import { useUrlFilters } from '../../../lib/use-url-filters';
import { useI18n } from '../../../locales/i18n-context';
import { type MuItem, useMuEvaluation, useRunMuEvaluation } from '../api/use-agreement-views';
import { useServerPages, YearInput } from '../components/year-and-pages';

const CLASS_COLOR: Record<MuClass, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };

function ClassTag({ value }: { value: MuClass | null }) {
  return value ? (
    <Tag color={CLASS_COLOR[value]} data-testid={`mu-class-${value}`}>
      {value}
    </Tag>
  ) : (
    <>—</>
  );
}

/** `/mu-evaluations` 亩均效益评价: a year's ranking with classes A–D, and the firms that cannot be rated. */
export function MuEvaluationsPage() {
  const { t, pick } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const perMu = useFormatPerMu();
  // The year lives in the address: Back and a shared link restore it.
  const [url, setUrl] = useUrlFilters(['year', 'class'] as const);
  const year = /^\d{4}$/.test(url.year ?? '') ? Number(url.year) : new Date().getFullYear() - 1;
  const cls = [...MU_CLASSES, 'unrated' as const].find((c) => c === url.class);
  // The server pages (a zone rates ~50k firms); a new year or class starts at page 1.
  const pages = useServerPages();
  const { page } = pages;
  const setFilter = (f: { year?: string; class?: string | undefined }) => {
    setUrl({ ...url, ...f });
    pages.restart();
  };
  const setYear = (y: number) => setFilter({ year: String(y) });
  const evaluation = useMuEvaluation(year, { class: cls, page: page.current, pageSize: page.pageSize });
  const run = useRunMuEvaluation();
  const notRun = evaluation.error instanceof ApiError && evaluation.error.status === 404;

  const runNow = async () => {
    try {
      await run.mutateAsync(year);
      message.success(t('mu.runDone', { year }));
    } catch (error) {
      message.error(errorText(error, pick));
    }
  };
  const exportXlsx = async () => {
    try {
      await downloadFile(
        `/api/mu-evaluations/${year}/export.xlsx`,
        undefined,
        `${t('nav.muEvaluations')}-${year}.xlsx`,
      );
    } catch (error) {
      message.error(errorText(error, pick));
    }
  };

  const ev = evaluation.data;

  return (
    <>
      <PageHeader
        title={t('nav.muEvaluations')}
        extra={
          <Space wrap>
            <YearInput value={year} onChange={setYear} label={t('mu.year')} />
            <Select<MuClass | 'unrated' | undefined>
              allowClear
              value={cls}
              onChange={(c) => setFilter({ class: c })}
              placeholder={t('mu.allClasses')}
              style={{ width: 140 }}
              data-testid="mu-class-filter"
              options={[
                ...MU_CLASSES.map((c) => ({ value: c, label: t('mu.classOption', { class: c }) })),
                { value: 'unrated' as const, label: t('mu.unrated') },
              ]}
            />
            {can('mu.run') ? (
              <Button type="primary" icon={<PlayCircleOutlined />} loading={run.isPending} onClick={runNow}>
                {t('mu.run')}
              </Button>
            ) : null}
            {ev ? (
              <Button icon={<DownloadOutlined />} onClick={exportXlsx}>
                {t('mu.export')}
              </Button>
            ) : null}
          </Space>
        }
      />
      {evaluation.isError && !notRun ? (
        <LoadErrorResult error={evaluation.error} onRetry={() => evaluation.refetch()} />
      ) : notRun ? (
        <Card>
          <Empty description={t('mu.notRun', { year })} />
        </Card>
      ) : (
        <Flex vertical gap={16}>
          <Card size="small" loading={evaluation.isPending}>
            {ev ? (
              <Space wrap>
                <Typography.Text data-testid="mu-counts">{t('mu.counts', ev.counts)}</Typography.Text>
                <Typography.Text type="secondary">
                  {t('mu.runBy', { name: ev.runByName ?? '—', at: ev.runAt.slice(0, 16).replace('T', ' ') })}
                </Typography.Text>
                <SampleTag isSample={ev.isSample} />
              </Space>
            ) : null}
          </Card>
          <Card size="small">
            <Table<MuItem>
              size="small"
              rowKey="firmId"
              dataSource={ev?.items ?? []}
              loading={evaluation.isFetching}
              scroll={{ x: 960 }}
              pagination={pages.table(ev?.total ?? 0)}
              columns={[
                { title: t('mu.rank'), dataIndex: 'rank', width: 64, render: (v: number | null) => v ?? '—' },
                { title: t('mu.firm'), dataIndex: 'firmName', fixed: 'left', width: 180 },
                { title: t('mu.class'), key: 'class', render: (_, i) => <ClassTag value={i.class} /> },
                {
                  title: t('mu.previousClass'),
                  key: 'prev',
                  render: (_, i) => <ClassTag value={i.previousClass} />,
                },
                {
                  title: t('mu.score'),
                  dataIndex: 'score',
                  render: (v: number | null) => v?.toFixed(1) ?? '—',
                },
                { title: t('mu.taxPerMu'), key: 'tax', render: (_, i) => perMu(i.values.taxPerMu) },
                { title: t('mu.outputPerMu'), key: 'out', render: (_, i) => perMu(i.values.outputPerMu) },
                { title: t('mu.landMu'), dataIndex: 'landMu', render: (v: number | null) => v ?? '—' },
                // Only a firm that cannot be rated has a reason: the column shows when there is one.
                ...((ev?.counts.unrated ?? 0) > 0
                  ? [
                      {
                        title: t('mu.reason'),
                        key: 'reason',
                        render: (_: unknown, i: MuItem) =>
                          i.reason ? <span data-testid="mu-unrated-reason">{pick(i.reason)}</span> : '—',
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        </Flex>
      )}
    </>
  );
}
