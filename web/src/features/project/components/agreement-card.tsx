import { DownloadOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { isDeadline, MEASURE_LABELS, MEASURE_UNIT, SOURCE_LABELS } from '../../../../../shared/src/agreement';
import { ComplianceStatusTag, useFormatMeasure } from '../../../components/measure-value';
import { SampleTag } from '../../../components/sample-tag';
import { downloadFile } from '../../../lib/api-client';
import { errorText } from '../../../lib/error-text';
import { lazyComponent } from '../../../lib/lazy-component';
import { useIsPhone } from '../../../lib/use-is-phone';
import { useCan } from '../../../lib/use-me';
import { useI18n } from '../../../locales/i18n-context';
import {
  type Actual,
  type ComplianceItem,
  useProjectActuals,
  useProjectAgreements,
  useProjectCompliance,
} from '../api/use-agreements';
import type { AgreementChartBar } from './agreement-chart';

// The chart and the dialogs load when first drawn (lib/lazy-component.tsx): the phone's first load stays small.
const AgreementChart = lazyComponent(() => import('./agreement-chart').then((m) => m.AgreementChart));
const AgreementFormModal = lazyComponent(() =>
  import('./agreement-form-modal').then((m) => m.AgreementFormModal),
);
const AmendmentModal = lazyComponent(() => import('./amendment-modal').then((m) => m.AmendmentModal));
const ActualFormModal = lazyComponent(() => import('./actual-form-modal').then((m) => m.ActualFormModal));

type Dialog = 'agreement' | 'amend' | 'actual' | null;

/** 履约: the project's agreements, each commitment against the counted actual figure, and the sources. */
export function AgreementCard({ projectId, projectCode }: { projectId: string; projectCode: string }) {
  const { t, pick } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const format = useFormatMeasure();
  const isPhone = useIsPhone();
  const agreements = useProjectAgreements(projectId);
  const compliance = useProjectCompliance(projectId);
  const actuals = useProjectActuals(projectId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [downloading, setDownloading] = useState(false);
  const canWrite = can('agreement.write');
  const list = agreements.data?.items ?? [];
  const items = [...(compliance.data?.items ?? [])].sort(
    (a, b) => a.dueYear - b.dueYear || a.measure.localeCompare(b.measure),
  );

  const downloadNotice = async () => {
    setDownloading(true);
    try {
      await downloadFile(
        `/api/projects/${projectId}/compliance-notice.docx`,
        undefined,
        `${t('agreement.notice')}-${projectCode}.docx`,
      );
    } catch (error) {
      message.error(errorText(error, pick));
    } finally {
      setDownloading(false);
    }
  };

  const bars: AgreementChartBar[] = items
    .filter((i) => MEASURE_UNIT[i.measure] === 'yuan')
    .map((i) => ({
      label: `${i.dueYear} ${pick(MEASURE_LABELS[i.measure])}`,
      committed: i.committed,
      actual: i.actual,
    }));

  return (
    <Card
      title={t('agreement.card')}
      loading={agreements.isPending}
      data-testid="agreement-card"
      extra={
        <Space wrap size={4}>
          {canWrite ? (
            <>
              <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog('agreement')}>
                {t('agreement.new')}
              </Button>
              {list.length > 0 ? (
                <Button size="small" icon={<EditOutlined />} onClick={() => setDialog('amend')}>
                  {t('agreement.amend')}
                </Button>
              ) : null}
            </>
          ) : null}
          {can('actual.write') ? (
            <Button size="small" onClick={() => setDialog('actual')} data-testid="actual-add">
              {t('agreement.addActual')}
            </Button>
          ) : null}
          {list.length > 0 ? (
            <Button size="small" icon={<DownloadOutlined />} loading={downloading} onClick={downloadNotice}>
              {t('agreement.notice')}
            </Button>
          ) : null}
        </Space>
      }
    >
      {list.length === 0 ? (
        <Empty description={t('agreement.none')} />
      ) : (
        <Flex vertical gap={12}>
          {list.map((a) => (
            <Typography.Text key={a.id} type="secondary">
              <Space wrap size={6}>
                <span>
                  {t('agreement.agreement')} {a.number} · {a.signedDate} · {a.signingCompany}
                </span>
                {a.amendments.length > 0 ? (
                  <Tag>{t('agreement.amendments', { count: a.amendments.length })}</Tag>
                ) : null}
                <SampleTag isSample={a.isSample} />
              </Space>
            </Typography.Text>
          ))}
          <Table<ComplianceItem>
            size="small"
            rowKey="commitmentId"
            pagination={false}
            // On a phone the year goes into the measure cell so 承诺, 实际 and 状态 fit the width.
            scroll={isPhone ? undefined : { x: 640 }}
            loading={compliance.isPending}
            dataSource={items}
            columns={[
              ...(isPhone ? [] : [{ title: t('agreement.year'), dataIndex: 'dueYear', width: 64 }]),
              {
                title: t('agreement.measure'),
                dataIndex: 'measure',
                render: (_, i) => (isPhone ? `${i.dueYear} ` : '') + pick(MEASURE_LABELS[i.measure]),
              },
              {
                title: t('agreement.committed'),
                key: 'committed',
                render: (_, i) => (
                  <Tooltip title={t('agreement.committedFrom', { number: i.agreementNumber })}>
                    <Tag color="blue">{t('agreement.committed')}</Tag>
                    {isDeadline(i.measure) ? i.dueDate : format(i.measure, i.committed)}
                  </Tooltip>
                ),
              },
              {
                title: t('agreement.actual'),
                key: 'actual',
                render: (_, i) =>
                  isDeadline(i.measure) ? (
                    (i.actualDate ?? '—')
                  ) : i.actual === null ? (
                    '—'
                  ) : (
                    <Space size={4} wrap>
                      <Tag color="geekblue">
                        {t('agreement.actualFrom', {
                          source: i.actualSource ? pick(SOURCE_LABELS[i.actualSource]) : '—',
                        })}
                      </Tag>
                      {format(i.measure, i.actual)}
                      {i.conflict ? <Tag color="orange">{t('agreement.conflict')}</Tag> : null}
                      <SampleTag isSample={i.isSample} />
                    </Space>
                  ),
              },
              {
                title: t('agreement.status'),
                dataIndex: 'status',
                render: (_, i) => (
                  <Tooltip title={pick(i.reason)}>
                    <ComplianceStatusTag status={i.status} />
                  </Tooltip>
                ),
              },
            ]}
          />
          {bars.length > 0 ? (
            <AgreementChart
              bars={bars}
              committedName={t('agreement.committed')}
              actualName={t('agreement.actual')}
            />
          ) : null}
          <ActualsTable items={actuals.data?.items ?? []} />
        </Flex>
      )}
      {dialog === 'agreement' ? (
        <AgreementFormModal projectId={projectId} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === 'amend' ? (
        <AmendmentModal projectId={projectId} agreements={list} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === 'actual' ? <ActualFormModal projectId={projectId} onClose={() => setDialog(null)} /> : null}
    </Card>
  );
}

/** Every actual figure with its source and who confirmed it; conflicting sources are both kept. */
function ActualsTable({ items }: { items: Actual[] }) {
  const { t, pick } = useI18n();
  const format = useFormatMeasure();
  if (items.length === 0) return null;
  return (
    <Table<Actual>
      size="small"
      rowKey="id"
      pagination={false}
      scroll={{ x: 560 }}
      dataSource={items}
      title={() => t('agreement.actual')}
      columns={[
        { title: t('agreement.year'), dataIndex: 'year', width: 64 },
        {
          title: t('agreement.measure'),
          dataIndex: 'measure',
          render: (_, a) => pick(MEASURE_LABELS[a.measure]),
        },
        { title: t('agreement.value'), dataIndex: 'value', render: (_, a) => format(a.measure, a.value) },
        {
          title: t('agreement.source'),
          dataIndex: 'source',
          render: (_, a) => (
            <Space size={4} wrap>
              <Tag color={a.counted ? 'geekblue' : 'default'}>{pick(SOURCE_LABELS[a.source])}</Tag>
              {a.confirmedBy ? <span>{a.confirmedBy}</span> : null}
              {a.conflict ? <Tag color="orange">{t('agreement.conflict')}</Tag> : null}
              <SampleTag isSample={a.isSample} />
            </Space>
          ),
        },
      ]}
    />
  );
}
