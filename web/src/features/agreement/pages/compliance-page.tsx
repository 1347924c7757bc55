import { Card, Flex, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  COMMITMENT_MEASURES,
  COMPLIANCE_STATUSES,
  type ComplianceStatus,
  isDeadline,
  MEASURE_LABELS,
} from '../../../../../shared/src/agreement';
import { LoadErrorResult } from '../../../components/load-error-result';
import { ComplianceStatusTag, useFormatMeasure } from '../../../components/measure-value';
import { PageHeader } from '../../../components/page-header';
import { SampleTag } from '../../../components/sample-tag';
import { useIsPhone } from '../../../lib/use-is-phone';
import { useCan } from '../../../lib/use-me';
import { useI18n } from '../../../locales/i18n-context';
import { type ComplianceItem, useCompliance } from '../api/use-agreement-views';
import { ActualImportButton } from '../components/actual-import-button';
import {
  ActualCell,
  ComplianceCards,
  ItemActions,
  ProjectName,
  useGapText,
} from '../components/compliance-cards';
import { ConsequenceModal } from '../components/consequence-modal';
import { useServerPages, YearInput } from '../components/year-and-pages';

/** `/compliance` 履约考核: every commitment due against the counted figures, for a year. */
export function CompliancePage() {
  const { t, pick } = useI18n();
  const can = useCan();
  const format = useFormatMeasure();
  const isPhone = useIsPhone();
  const gapText = useGapText();
  // The cockpit's 履约 figure opens this page with its year, 落后 and its park or chain.
  const [params] = useSearchParams();
  const asked = Number(params.get('year'));
  const [year, setYearOnly] = useState(asked >= 2000 && asked <= 2100 ? asked : new Date().getFullYear());
  const askedStatus = COMPLIANCE_STATUSES.find((s) => s === params.get('status'));
  const [status, setStatusOnly] = useState<ComplianceStatus | undefined>(askedStatus);
  const pages = useServerPages();
  const { page } = pages;
  const setYear = (y: number) => {
    setYearOnly(y);
    pages.restart();
  };
  const setStatus = (s: ComplianceStatus | undefined) => {
    setStatusOnly(s);
    pages.restart();
  };
  const scope = {
    ...(params.get('park') ? { park: params.get('park') as string } : {}),
    ...(params.get('chain') ? { chain: params.get('chain') as string } : {}),
  };
  const [acting, setActing] = useState<ComplianceItem | null>(null);
  const compliance = useCompliance({ year, status, page: page.current, pageSize: page.pageSize, ...scope });

  if (compliance.isError)
    return <LoadErrorResult error={compliance.error} onRetry={() => compliance.refetch()} />;
  const data = compliance.data;
  // The server answers behind first: the rows someone has to act on.
  const items = data?.items ?? [];
  const total = data?.total ?? 0;
  const behindList = data
    ? COMMITMENT_MEASURES.filter((m) => (data.summary.behindByMeasure[m] ?? 0) > 0)
        .map((m) => `${pick(MEASURE_LABELS[m])} ${data.summary.behindByMeasure[m]}`)
        .join('、')
    : '';

  return (
    <>
      <PageHeader title={t('nav.compliance')} extra={can('import.run') ? <ActualImportButton /> : null} />
      <Flex vertical gap={16}>
        <Card size="small">
          <Space wrap>
            <YearInput value={year} onChange={setYear} label={t('agreement.year')} testId="compliance-year" />
            <Select<ComplianceStatus | undefined>
              allowClear
              value={status}
              onChange={setStatus}
              placeholder={t('compliance.allStatuses')}
              style={{ width: 140 }}
              options={COMPLIANCE_STATUSES.map((s) => ({ value: s, label: t(`compliance.status.${s}`) }))}
            />
          </Space>
          {data ? (
            <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }} data-testid="compliance-summary">
              {t('compliance.summary', {
                year: data.year,
                due: data.summary.agreementsDue,
                behindAgreements: data.summary.agreementsBehind,
                behind: data.summary.behind,
                met: data.summary.met,
                noData: data.summary.noData,
              })}
              {behindList ? <> · {t('compliance.behindBy', { list: behindList })}</> : null}
            </Typography.Paragraph>
          ) : null}
        </Card>
        {isPhone ? (
          <ComplianceCards
            items={items}
            loading={compliance.isPending}
            year={year}
            paging={{ ...page, total, onChange: pages.goTo }}
            onAct={setActing}
          />
        ) : (
          <Card size="small">
            <Table<ComplianceItem>
              size="small"
              rowKey="commitmentId"
              loading={compliance.isPending}
              dataSource={items}
              scroll={{ x: 1100 }}
              pagination={pages.table(total)}
              columns={[
                {
                  title: t('compliance.project'),
                  key: 'project',
                  fixed: 'left',
                  width: 180,
                  render: (_, i) => (
                    <Space size={4} wrap>
                      <ProjectName item={i} />
                      <SampleTag isSample={i.isSample} />
                    </Space>
                  ),
                },
                {
                  title: t('agreement.measure'),
                  key: 'measure',
                  render: (_, i) => pick(MEASURE_LABELS[i.measure]),
                },
                { title: t('agreement.dueYear'), dataIndex: 'dueYear', width: 80 },
                {
                  title: t('agreement.committed'),
                  key: 'committed',
                  render: (_, i) => (isDeadline(i.measure) ? i.dueDate : format(i.measure, i.committed)),
                },
                {
                  title: t('agreement.actual'),
                  key: 'actual',
                  render: (_, i) => <ActualCell item={i} />,
                },
                {
                  title: t('agreement.status'),
                  key: 'status',
                  render: (_, i) => <ComplianceStatusTag status={i.status} />,
                },
                { title: t('agreement.gap'), key: 'gap', render: (_, i) => gapText(i) },
                { title: t('compliance.reason'), key: 'reason', render: (_, i) => pick(i.reason) },
                {
                  title: '',
                  key: 'act',
                  render: (_, i) => <ItemActions item={i} year={year} onAct={setActing} />,
                },
              ]}
            />
          </Card>
        )}
      </Flex>
      {acting ? <ConsequenceModal item={acting} onClose={() => setActing(null)} /> : null}
    </>
  );
}
