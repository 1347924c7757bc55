import { Alert, Button, Card, Col, Descriptions, Row, Space, Spin, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { REQUEST_STATUS_LABELS, type RequestStatus } from '../../../../../shared/src/request-status';
import { AttachmentList } from '../../../components/attachment-list';
import { DeadlineTag } from '../../../components/deadline-tag';
import { LoadErrorResult } from '../../../components/load-error-result';
import { NotFoundResult } from '../../../components/not-found-result';
import { PageHeader } from '../../../components/page-header';
import { SampleTag } from '../../../components/sample-tag';
import { ApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/date-format';
import { lazyComponent } from '../../../lib/lazy-component';
import { useI18n } from '../../../locales/i18n-context';
import { type RequestEvent, useInvalidateRequests, useRequest } from '../api/use-requests';
import { RequestStatusTag, RequestTypeTag } from '../components/request-status-tag';

// Dialogs load when first opened (lib/lazy-component.tsx).
const AssignModal = lazyComponent(() =>
  import('../components/request-action-modals').then((m) => m.AssignModal),
);
// The note box (the form library) loads under the timeline after the request is shown.
const RequestNoteForm = lazyComponent(() =>
  import('../components/request-note-form').then((m) => m.RequestNoteForm),
);
const MoveModal = lazyComponent(() => import('../components/request-action-modals').then((m) => m.MoveModal));

const BUTTON_TYPE: Partial<Record<RequestStatus, 'primary' | 'default'>> = {
  accepted: 'primary',
  resolved: 'primary',
  confirmed: 'primary',
};

/** `/requests/:id`: one factor request with its actions, progress notes, history and attachments. */
export function RequestDetailPage() {
  const { id = '' } = useParams();
  const { t, pick } = useI18n();
  const request = useRequest(id);
  const invalidate = useInvalidateRequests();
  const [assigning, setAssigning] = useState(false);
  const [moving, setMoving] = useState<{ to: RequestStatus; needsReason: boolean } | null>(null);

  if (request.isPending) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (request.isError) {
    if (request.error instanceof ApiError && request.error.status === 404) return <NotFoundResult />;
    return <LoadErrorResult error={request.error} onRetry={() => request.refetch()} />;
  }
  const r = request.data;

  const describe = (e: RequestEvent): string => {
    switch (e.kind) {
      case 'assign':
        return t('request.event.assign', { dept: e.departmentName ?? '', deadline: e.deadline ?? '' });
      case 'escalation':
        return t('request.event.escalation', { target: e.note ?? '' });
      case 'note':
        return t('request.event.note');
      case 'attachment':
        return t('request.event.attachment');
      default:
        return e.toStatus === 'submitted'
          ? t('request.event.submitted')
          : t('request.event.status', {
              status: pick(REQUEST_STATUS_LABELS[(e.toStatus ?? 'submitted') as RequestStatus]),
            });
    }
  };

  return (
    <>
      <PageHeader
        title={r.title}
        crumbs={[{ title: t('request.title'), path: '/requests' }]}
        subtitle={
          <Space size={4} wrap>
            <span>{r.code}</span>
            <RequestTypeTag type={r.type} />
            <RequestStatusTag status={r.status} />
            <SampleTag isSample={r.isSample} />
          </Space>
        }
        extra={
          <Space wrap>
            {r.can.assign ? (
              <Button
                type={r.status === 'submitted' ? 'primary' : 'default'}
                onClick={() => setAssigning(true)}
                data-testid="request-assign"
              >
                {r.status === 'submitted' ? t('request.assign') : t('request.reassign')}
              </Button>
            ) : null}
            {r.can.moves.map((m) => (
              <Button
                key={m.to}
                type={BUTTON_TYPE[m.to] ?? 'default'}
                danger={m.to === 'rejected' || m.to === 'reopened'}
                onClick={() => setMoving(m)}
                data-testid={`request-move-${m.to}`}
              >
                {pick(REQUEST_STATUS_LABELS[m.to])}
              </Button>
            ))}
          </Space>
        }
      />
      {r.overdue ? (
        <Alert
          type={r.escalation === 'leader' ? 'error' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="request-escalation"
          title={`${t('sup.overdueDays', { days: r.daysLate })} · ${t(`sup.escalation.${r.escalation}`)}`}
        />
      ) : null}
      {r.statusReason && (r.status === 'rejected' || r.status === 'reopened') ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${t('request.reason')}: ${r.statusReason}`}
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('request.subject')}>
            <Descriptions
              column={1}
              size="small"
              items={[
                {
                  label: t('request.project'),
                  children: r.projectId ? <Link to={`/projects/${r.projectId}`}>{r.projectName}</Link> : '—',
                },
                { label: t('request.firm'), children: r.firmName },
                { label: t('request.description'), children: r.description ?? '—' },
                { label: t('request.neededBy'), children: r.neededBy ?? '—' },
                { label: t('request.raisedBy'), children: r.raisedByName ?? '—' },
                { label: t('request.department'), children: r.departmentName ?? '—' },
                {
                  label: t('sup.deadline'),
                  children: (
                    <DeadlineTag
                      deadline={r.deadline}
                      daysLate={r.daysLate}
                      escalation={r.escalation}
                      nextOn={r.escalationNextOn}
                    />
                  ),
                },
                ...(r.resolution
                  ? [
                      {
                        label: t('request.resolution'),
                        children: <span data-testid="request-resolution">{r.resolution}</span>,
                      },
                    ]
                  : []),
                ...(r.leaderName ? [{ label: t('request.leader'), children: r.leaderName }] : []),
              ]}
            />
          </Card>
          <Card title={t('sup.attachments')} style={{ marginTop: 16 }}>
            <AttachmentList
              files={r.attachments}
              uploadPath={r.can.attach ? `/api/requests/${r.id}/attachments` : null}
              onUploaded={() => void invalidate()}
              testId="request-attachments"
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('request.timeline')}>
            <Timeline
              data-testid="request-timeline"
              items={r.events.map((e) => ({
                color: e.kind === 'escalation' ? 'red' : e.kind === 'note' ? 'blue' : 'gray',
                children: (
                  <div>
                    <Typography.Text strong>{describe(e)}</Typography.Text>
                    {e.note && e.kind !== 'escalation' ? <div>{e.note}</div> : null}
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(e.at)} · {e.actorName ?? ''}
                      </Typography.Text>
                    </div>
                  </div>
                ),
              }))}
            />
            {r.can.note ? <RequestNoteForm requestId={r.id} /> : null}
          </Card>
        </Col>
      </Row>
      {assigning ? <AssignModal request={r} onClose={() => setAssigning(false)} /> : null}
      {moving ? (
        <MoveModal
          request={r}
          to={moving.to}
          needsReason={moving.needsReason}
          onClose={() => setMoving(null)}
        />
      ) : null}
    </>
  );
}
