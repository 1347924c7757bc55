import { Button, Card, Progress, Space, Spin, Table, Tag } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { PROBLEM_CLOSE_STATUS_LABELS, type ProblemCloseStatus } from '../../../../../shared/src/closing';
import { AttachmentList } from '../../../components/attachment-list';
import { LoadErrorResult } from '../../../components/load-error-result';
import { NotFoundResult } from '../../../components/not-found-result';
import { PageHeader } from '../../../components/page-header';
import { SampleTag } from '../../../components/sample-tag';
import { ApiError } from '../../../lib/api-client';
import { useI18n } from '../../../locales/i18n-context';
import type { MessageKey } from '../../../locales/zh';
import { type ProblemItem, useInvalidateProblems, useProblemList } from '../api/use-problems';
import { DecideItemModal, ProposeItemModal } from '../components/problem-closing-modals';

const STATE_COLOR: Record<ProblemItem['state'], string> = {
  open: 'processing',
  overdue: 'red',
  closed_on_time: 'green',
  closed_late: 'orange',
};

const CLOSE_STATUS_COLOR: Record<ProblemCloseStatus, string> = {
  open: 'default',
  proposed: 'blue',
  verified: 'green',
  returned: 'volcano',
};

type Dialog = { kind: 'propose' | 'verify' | 'return'; item: ProblemItem } | null;

/**
 * `/problem-lists/:id`: the items, each closed on its own (逐条销号): the unit proposes with its
 * evidence, the 督查室 verifies or returns (decision 013).
 */
export function ProblemListDetailPage() {
  const { id = '' } = useParams();
  const { t, pick } = useI18n();
  const list = useProblemList(id);
  const invalidate = useInvalidateProblems();
  const [dialog, setDialog] = useState<Dialog>(null);
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
          {t('problem.summaryReview', { proposed: s.proposed, returned: s.returned })}
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
                    {t('sup.evidence')}：{item.evidence}
                    {item.evidenceLink ? `（${t('problem.linkedRecord')}：${item.evidenceLink.label}）` : ''}
                  </span>
                ) : null}
                {item.proposedByName ? (
                  <span>
                    {t('problem.proposedBy', { name: item.proposedByName, date: item.rectifiedDate ?? '' })}
                  </span>
                ) : null}
                {item.closeStatus === 'verified' ? (
                  <span>
                    {t('problem.verifiedBy', { name: item.closedByName ?? '', date: item.closedDate ?? '' })}
                  </span>
                ) : null}
                {item.returnReason ? (
                  <span data-testid={`problem-return-reason-${item.position}`}>
                    {t('problem.returnedBy', { name: item.returnedByName ?? '', reason: item.returnReason })}
                  </span>
                ) : null}
                <AttachmentList
                  files={item.attachments}
                  uploadPath={
                    item.canPropose || item.closeStatus === 'proposed'
                      ? `/api/problem-lists/${l.id}/items/${item.id}/attachments`
                      : null
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
              width: 190,
              render: (_, item) => (
                <Space size={4} wrap>
                  <Tag color={STATE_COLOR[item.state]} data-testid={`problem-item-state-${item.position}`}>
                    {t(`problem.state.${item.state}` as MessageKey)}
                  </Tag>
                  {item.closeStatus !== 'open' ? (
                    <Tag
                      color={CLOSE_STATUS_COLOR[item.closeStatus]}
                      data-testid={`problem-item-review-${item.position}`}
                    >
                      {pick(PROBLEM_CLOSE_STATUS_LABELS[item.closeStatus])}
                    </Tag>
                  ) : null}
                </Space>
              ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 170,
              render: (_, item) => {
                if (item.canVerify) {
                  return (
                    <Space size={4}>
                      <Button
                        size="small"
                        type="primary"
                        onClick={() => setDialog({ kind: 'verify', item })}
                        data-testid={`problem-verify-${item.position}`}
                      >
                        {t('problem.verify')}
                      </Button>
                      <Button
                        size="small"
                        danger
                        onClick={() => setDialog({ kind: 'return', item })}
                        data-testid={`problem-return-${item.position}`}
                      >
                        {t('problem.return')}
                      </Button>
                    </Space>
                  );
                }
                if (item.canPropose) {
                  return (
                    <Button
                      size="small"
                      type="primary"
                      onClick={() => setDialog({ kind: 'propose', item })}
                      data-testid={`problem-propose-${item.position}`}
                    >
                      {t('problem.proposeItem')}
                    </Button>
                  );
                }
                return item.closedDate ?? '—';
              },
            },
          ]}
        />
      </Card>
      {dialog?.kind === 'propose' ? (
        <ProposeItemModal listId={l.id} item={dialog.item} onClose={() => setDialog(null)} />
      ) : null}
      {dialog && dialog.kind !== 'propose' ? (
        <DecideItemModal
          listId={l.id}
          item={dialog.item}
          decision={dialog.kind}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </>
  );
}
