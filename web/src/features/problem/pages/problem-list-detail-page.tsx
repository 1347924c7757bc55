import { Alert, App, Button, Card, Form, Input, Modal, Progress, Space, Spin, Table, Tag } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { AttachmentList } from '../../../components/attachment-list';
import { LoadErrorResult } from '../../../components/load-error-result';
import { NotFoundResult } from '../../../components/not-found-result';
import { PageHeader } from '../../../components/page-header';
import { SampleTag } from '../../../components/sample-tag';
import { ApiError } from '../../../lib/api-client';
import { useI18n } from '../../../locales/i18n-context';
import type { MessageKey } from '../../../locales/zh';
import {
  type ProblemItem,
  useCloseProblemItem,
  useInvalidateProblems,
  useProblemList,
} from '../api/use-problems';

const STATE_COLOR: Record<ProblemItem['state'], string> = {
  open: 'processing',
  overdue: 'red',
  closed_on_time: 'green',
  closed_late: 'orange',
};

function CloseItemModal({
  listId,
  item,
  onClose,
}: {
  listId: string;
  item: ProblemItem;
  onClose: () => void;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ evidence: string }>();
  const close = useCloseProblemItem(listId);
  return (
    <Modal
      open
      title={t('problem.closeTitle')}
      onOk={() => form.submit()}
      onCancel={onClose}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={close.isPending}
      okButtonProps={{ 'data-testid': 'problem-close-submit' } as Record<string, string>}
    >
      <p>
        {item.position}. {item.problem}
      </p>
      {close.error instanceof ApiError ? (
        <Alert type="error" showIcon title={pick(close.error.text)} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          close.mutate(
            { itemId: item.id, evidence: v.evidence.trim(), version: item.version },
            {
              onSuccess: () => {
                message.success(t('common.saved'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item name="evidence" label={t('sup.evidence')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={4000} data-testid="problem-close-evidence" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** `/problem-lists/:id`: the items, each closed on its own with its evidence (逐条销号). */
export function ProblemListDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const list = useProblemList(id);
  const invalidate = useInvalidateProblems();
  const [closing, setClosing] = useState<ProblemItem | null>(null);
  if (list.isPending) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (list.isError) {
    if (list.error instanceof ApiError && list.error.status === 404) return <NotFoundResult />;
    return <LoadErrorResult error={list.error} onRetry={() => list.refetch()} />;
  }
  const l = list.data;
  const s = l.summary;
  return (
    <>
      <PageHeader
        title={l.title}
        crumbs={[{ title: t('problem.title'), path: '/problem-lists' }]}
        subtitle={
          <Space wrap>
            <span>{l.code}</span>
            <Tag>{t(`problem.source.${l.source}` as MessageKey)}</Tag>
            {l.sourceTitle}
            <span>
              {t('problem.issued')} {l.issuedDate}
            </span>
            <SampleTag isSample={l.isSample} />
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Progress percent={s.total ? Math.round((s.closed / s.total) * 100) : 0} />
        <span data-testid="problem-summary">
          {t('problem.summary', {
            total: s.total,
            closed: s.closed,
            onTime: s.closedOnTime,
            late: s.closedLate,
            open: s.open + s.overdue,
            overdue: s.overdue,
          })}
        </span>
      </Card>
      <Card title={t('problem.items')}>
        <Table<ProblemItem>
          rowKey="id"
          pagination={false}
          dataSource={l.items}
          data-testid="problem-items"
          scroll={{ x: 1100 }}
          expandable={{
            rowExpandable: () => true,
            expandedRowRender: (item) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                {item.evidence ? (
                  <span>
                    {t('sup.evidence')}：{item.evidence}（{item.closedByName}，{item.closedDate}）
                  </span>
                ) : null}
                <AttachmentList
                  files={item.attachments}
                  uploadPath={
                    item.canClose ? `/api/problem-lists/${l.id}/items/${item.id}/attachments` : null
                  }
                  onUploaded={() => void invalidate()}
                  testId={`problem-item-attachments-${item.position}`}
                />
              </Space>
            ),
          }}
          columns={[
            { title: '#', dataIndex: 'position', width: 40 },
            { title: t('problem.problem'), dataIndex: 'problem' },
            { title: t('problem.measure'), dataIndex: 'measure' },
            { title: t('problem.unit'), dataIndex: 'departmentName', width: 140 },
            { title: t('problem.deadline'), dataIndex: 'deadline', width: 110 },
            {
              title: t('sup.status'),
              key: 'state',
              width: 110,
              render: (_, item) => (
                <Tag color={STATE_COLOR[item.state]} data-testid={`problem-item-state-${item.position}`}>
                  {t(`problem.state.${item.state}` as MessageKey)}
                </Tag>
              ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 100,
              render: (_, item) =>
                item.canClose ? (
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => setClosing(item)}
                    data-testid={`problem-close-${item.position}`}
                  >
                    {t('problem.closeItem')}
                  </Button>
                ) : (
                  (item.closedDate ?? '—')
                ),
            },
          ]}
        />
      </Card>
      {closing ? <CloseItemModal listId={l.id} item={closing} onClose={() => setClosing(null)} /> : null}
    </>
  );
}
