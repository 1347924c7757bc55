import { DownOutlined, EditOutlined, FileDoneOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Row, Space, Spin } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { isOpenLeadStatus, type LeadStatus, leadStatusLabel } from '../../../../../shared/src/lead-status';
import { LazyDropdown } from '../../../components/lazy-dropdown';
import { LeadStatusTag } from '../../../components/lead-status-tag';
import { LoadErrorResult } from '../../../components/load-error-result';
import { useFormatMoney } from '../../../components/money-text';
import { NotFoundResult } from '../../../components/not-found-result';
import { PageHeader } from '../../../components/page-header';
import { RecordLinkText } from '../../../components/record-link-text';
import { SampleTag } from '../../../components/sample-tag';
import { ApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/date-format';
import { lazyComponent } from '../../../lib/lazy-component';
import { useCan, useSignedInMe } from '../../../lib/use-me';
import { useOfficerOptions } from '../../../lib/use-officer-options';
import { useI18n } from '../../../locales/i18n-context';
import { useLead } from '../api/use-leads';
import { FollowupsCard } from '../components/followups-card';
import { leadMoves } from '../components/lead-moves';
import { NextStepCell } from '../components/next-step-cell';

// Dialogs load when first opened (lib/lazy-component.tsx).
const LeadStatusModal = lazyComponent(() =>
  import('../components/lead-status-modal').then((m) => m.LeadStatusModal),
);
const LeadFormModal = lazyComponent(() =>
  import('../components/lead-form-modal').then((m) => m.LeadFormModal),
);
// The site-matching card (tables, reserve dialog) draws after the lead itself.
const LeadSitesCard = lazyComponent(() =>
  import('../components/lead-sites-card').then((m) => m.LeadSitesCard),
);
const LeadSignModal = lazyComponent(() =>
  import('../components/lead-sign-modal').then((m) => m.LeadSignModal),
);

/** `/leads/:id`: one lead with its status actions, follow-up log and 签约. */
export function LeadDetailPage() {
  const { id = '' } = useParams();
  const { t, pick } = useI18n();
  const can = useCan();
  const me = useSignedInMe();
  const formatMoney = useFormatMoney();
  const lead = useLead(id);
  const officers = useOfficerOptions(can('lead.read'));
  const [editing, setEditing] = useState(false);
  const [moving, setMoving] = useState<LeadStatus | null>(null);
  const [signing, setSigning] = useState(false);

  if (lead.isPending) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (lead.isError) {
    if (lead.error instanceof ApiError && lead.error.status === 404) return <NotFoundResult />;
    return <LoadErrorResult error={lead.error} onRetry={() => lead.refetch()} />;
  }
  const data = lead.data;
  const canEdit = can('lead.write') && (me.user.role === 'admin' || data.ownerId === me.user.id);
  const moves = canEdit ? leadMoves(data.status) : [];
  const canSign = canEdit && isOpenLeadStatus(data.status);

  return (
    <>
      <PageHeader
        title={data.title}
        crumbs={[{ title: t('lead.title'), path: '/leads' }]}
        subtitle={
          <Space size={4} wrap>
            <span>{data.code}</span>
            <LeadStatusTag status={data.status} />
            <SampleTag isSample={data.isSample} />
          </Space>
        }
        extra={
          <Space wrap>
            {canEdit ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="lead-edit">
                {t('common.edit')}
              </Button>
            ) : null}
            {moves.length > 0 ? (
              <LazyDropdown
                menu={{
                  items: moves.map((move) => ({
                    key: move.to,
                    label: `${pick(leadStatusLabel(move.to))}${move.needsReason ? ` (${t('pipeline.needsReason')})` : ''}`,
                  })),
                  onClick: ({ key }) => setMoving(key as LeadStatus),
                }}
              >
                <Button data-testid="lead-status-move">
                  {t('lead.changeStatus')} <DownOutlined />
                </Button>
              </LazyDropdown>
            ) : null}
            {canSign ? (
              <Button
                type="primary"
                icon={<FileDoneOutlined />}
                onClick={() => setSigning(true)}
                data-testid="lead-sign"
              >
                {t('lead.sign')}
              </Button>
            ) : null}
          </Space>
        }
      />
      {data.projectId ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            <span>
              {t('lead.signedProject')}{' '}
              <Link to={`/projects/${data.projectId}`} data-testid="lead-project-link">
                {t('lead.openProject')}
              </Link>
            </span>
          }
        />
      ) : null}
      {data.statusReason && (data.status === 'shelved' || data.status === 'lost') ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${t('pipeline.reason')}: ${data.statusReason}`}
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('lead.facts')}>
            <Descriptions
              column={1}
              size="small"
              items={[
                {
                  label: t('lead.targetFirm'),
                  children: data.targetFirmId ? (
                    <Link to={`/firms/${data.targetFirmId}`}>{data.targetFirmName}</Link>
                  ) : (
                    (data.targetFirmName ?? '—')
                  ),
                },
                { label: t('lead.source'), children: t(`lead.source.${data.source}`) },
                ...(data.referrerFirmId
                  ? [
                      {
                        label: t('lead.referrer'),
                        children: <Link to={`/firms/${data.referrerFirmId}`}>{data.referrerFirmName}</Link>,
                      },
                    ]
                  : []),
                {
                  label: t('pipeline.chainLink'),
                  children: <RecordLinkText link={data.link} fallback={data.chainLink} />,
                },
                ...(data.link && data.chainLink
                  ? [{ label: t('pipeline.chainLinkText'), children: data.chainLink }]
                  : []),
                { label: t('lead.estimatedInvestment'), children: formatMoney(data.estimatedInvestment) },
                { label: t('lead.owner'), children: data.ownerName ?? '—' },
                { label: t('lead.nextStep'), children: <NextStepCell lead={data} /> },
                { label: t('pipeline.createdAt'), children: formatDateTime(data.createdAt) },
                { label: t('pipeline.updatedAt'), children: formatDateTime(data.updatedAt) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <FollowupsCard leadId={data.id} canAdd={canEdit} />
        </Col>
        <Col xs={24}>
          <LeadSitesCard leadId={data.id} canReserve={canEdit} />
        </Col>
      </Row>
      {editing ? (
        <LeadFormModal lead={data} officerOptions={officers} onClose={() => setEditing(false)} />
      ) : null}
      {moving ? <LeadStatusModal lead={data} to={moving} onClose={() => setMoving(null)} /> : null}
      {signing ? <LeadSignModal lead={data} onClose={() => setSigning(false)} /> : null}
    </>
  );
}
