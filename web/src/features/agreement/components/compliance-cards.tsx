import { FileWordOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { isDeadline, MEASURE_LABELS, SOURCE_LABELS } from '../../../../../shared/src/agreement';
import { ComplianceStatusTag, useFormatMeasure } from '../../../components/measure-value';
import { SampleTag } from '../../../components/sample-tag';
import { downloadFile } from '../../../lib/api-client';
import { errorText } from '../../../lib/error-text';
import { useCan } from '../../../lib/use-me';
import { useI18n } from '../../../locales/i18n-context';
import type { ComplianceItem } from '../api/use-agreement-views';

/** The project of an item: a link for those who may open projects (a department may not). */
export function ProjectName({ item }: { item: ComplianceItem }) {
  const can = useCan();
  if (!can('project.read')) return <span>{item.projectName}</span>;
  return <Link to={`/projects/${item.projectId}`}>{item.projectName}</Link>;
}

/** The actual figure of an item: the date reached (deadlines) or the value, its source, a conflict. */
export function ActualCell({ item }: { item: ComplianceItem }) {
  const { t, pick } = useI18n();
  const format = useFormatMeasure();
  if (isDeadline(item.measure)) return <>{item.actualDate ?? '—'}</>;
  return (
    <Space size={4} wrap>
      {format(item.measure, item.actual)}
      {item.actualSource ? <Tag>{pick(SOURCE_LABELS[item.actualSource])}</Tag> : null}
      {item.conflict ? <Tag color="orange">{t('agreement.conflict')}</Tag> : null}
    </Space>
  );
}

/** How far behind: days late for a deadline, the amount short for a figure. */
export function useGapText(): (item: ComplianceItem) => string {
  const { t } = useI18n();
  const format = useFormatMeasure();
  return (i) =>
    i.gap === null
      ? '—'
      : isDeadline(i.measure)
        ? t('compliance.daysLate', { days: i.gap })
        : format(i.measure, i.gap);
}

/** A behind item's buttons: 处理 (record a consequence) and its project's 履约提醒函 (.docx). */
export function ItemActions({
  item,
  year,
  onAct,
}: {
  item: ComplianceItem;
  year: number;
  onAct: (item: ComplianceItem) => void;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const can = useCan();
  if (item.status !== 'behind') return null;
  const notice = async () => {
    try {
      await downloadFile(
        `/api/projects/${item.projectId}/compliance-notice.docx`,
        { year },
        `${t('agreement.notice')}-${item.projectCode}.docx`,
      );
    } catch (error) {
      message.error(errorText(error, pick));
    }
  };
  return (
    <Space size={4}>
      {can('compliance.act') ? (
        <Button size="small" data-testid="compliance-act" onClick={() => onAct(item)}>
          {t('compliance.act')}
        </Button>
      ) : null}
      <Button size="small" type="link" icon={<FileWordOutlined />} onClick={notice}>
        {t('compliance.notice')}
      </Button>
    </Space>
  );
}

/**
 * The 履约考核 list on a phone: one card per commitment, nothing wider than the screen; the
 * server's pages with the phone tables' 上一页/下一页 (List's own pagination is left out of the
 * build: web/build/antd-unused-parts.ts).
 */
export function ComplianceCards({
  items,
  loading,
  year,
  paging,
  onAct,
}: {
  items: ComplianceItem[];
  loading: boolean;
  year: number;
  paging: { current: number; pageSize: number; total: number; onChange: (page: number) => void };
  onAct: (item: ComplianceItem) => void;
}) {
  const { t, pick } = useI18n();
  const format = useFormatMeasure();
  const gapText = useGapText();
  const pages = Math.max(1, Math.ceil(paging.total / paging.pageSize));
  const current = Math.min(paging.current, pages);
  const setPage = paging.onChange;
  if (!loading && items.length === 0) return <Empty />;
  return (
    <List<ComplianceItem>
      loading={loading}
      dataSource={items}
      rowKey="commitmentId"
      footer={
        pages > 1 ? (
          <Flex justify="space-between" align="center" gap={8}>
            <Button disabled={current <= 1} onClick={() => setPage(current - 1)}>
              {t('phone.prevPage')}
            </Button>
            <span>{t('phone.pageOf', { current, pages })}</span>
            <Button disabled={current >= pages} onClick={() => setPage(current + 1)}>
              {t('phone.nextPage')}
            </Button>
          </Flex>
        ) : null
      }
      data-testid="compliance-cards"
      renderItem={(i) => (
        <List.Item style={{ padding: '4px 0' }}>
          <Card size="small" style={{ width: '100%' }} data-testid="compliance-card">
            <Flex justify="space-between" align="start" gap={8}>
              <Space size={4} wrap style={{ minWidth: 0 }}>
                <ProjectName item={i} />
                <SampleTag isSample={i.isSample} />
              </Space>
              <ComplianceStatusTag status={i.status} />
            </Flex>
            <Typography.Text strong>
              {i.dueYear} {pick(MEASURE_LABELS[i.measure])}
            </Typography.Text>
            <div>
              {t('agreement.committed')}：{isDeadline(i.measure) ? i.dueDate : format(i.measure, i.committed)}
            </div>
            <div>
              {t('agreement.actual')}：<ActualCell item={i} />
            </div>
            {i.gap !== null ? (
              <div>
                {t('agreement.gap')}：{gapText(i)}
              </div>
            ) : null}
            <Typography.Text type="secondary">{pick(i.reason)}</Typography.Text>
            <div>
              <ItemActions item={i} year={year} onAct={onAct} />
            </div>
          </Card>
        </List.Item>
      )}
    />
  );
}
