import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Empty, Flex, Row, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { leadStatusLabel } from '../../../../../shared/src/lead-status';
import { LoadErrorResult } from '../../../components/load-error-result';
import { useFormatMoney } from '../../../components/money-text';
import { NotFoundResult } from '../../../components/not-found-result';
import { PageHeader } from '../../../components/page-header';
import { RecordLinkText } from '../../../components/record-link-text';
import { SampleTag } from '../../../components/sample-tag';
import { StageTag } from '../../../components/stage-tag';
import { ApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/date-format';
import { useCan } from '../../../lib/use-me';
import { useI18n } from '../../../locales/i18n-context';
import { useFirm } from '../api/use-firms';
import { FirmFormModal } from '../components/firm-form-modal';
import { FirmRelationsCard } from '../components/firm-relations-card';

/** How the firm stands to a project (issue 14): invests in it, signs for it, was approached for it. */
const ROLE_COLOR = { investor: 'blue', company: 'purple', approached: 'default' } as const;

/** `/firms/:id`: one firm with its facts, 以商招商 relations, projects and leads. */
export function FirmDetailPage() {
  const { id = '' } = useParams();
  const { t, pick } = useI18n();
  const can = useCan();
  const formatMoney = useFormatMoney();
  const firm = useFirm(id);
  const [editing, setEditing] = useState(false);

  if (firm.isPending) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (firm.isError) {
    if (firm.error instanceof ApiError && firm.error.status === 404) return <NotFoundResult />;
    return <LoadErrorResult error={firm.error} onRetry={() => firm.refetch()} />;
  }
  const data = firm.data;
  const canEdit = can('firm.write');
  const dash = (value: string | null | undefined) => (value ? value : '—');
  // Relations and leads are the zone's own view: absent for an enterprise user (decision 011).
  const leads = data.leads;

  return (
    <>
      <PageHeader
        title={data.name}
        crumbs={[{ title: t('firm.title'), path: '/firms' }]}
        subtitle={
          <Space size={4} wrap>
            {data.isLocal ? <Tag color="blue">{t('firm.local')}</Tag> : <Tag>{t('firm.external')}</Tag>}
            {(data.tags ?? []).map((tag) => (
              <Tag key={tag}>{tag}</Tag>
            ))}
            <SampleTag isSample={data.isSample} />
          </Space>
        }
        extra={
          canEdit ? (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="firm-edit">
              {t('common.edit')}
            </Button>
          ) : null
        }
      />
      <Flex vertical gap={16}>
        <Card title={t('firm.facts')}>
          <Descriptions
            column={{ xs: 1, md: 2, xl: 3 }}
            size="small"
            items={[
              {
                label: t('firm.uscc'),
                children: <span style={{ fontFamily: 'monospace' }}>{dash(data.uscc)}</span>,
              },
              { label: t('firm.shortName'), children: dash(data.shortName) },
              { label: t('firm.aliases'), children: data.aliases.length ? data.aliases.join('、') : '—' },
              { label: t('firm.englishName'), children: dash(data.englishName) },
              { label: t('firm.region'), children: dash(data.region) },
              {
                label: t('firm.industry'),
                children: data.industryCode ? `${data.industryCode} ${data.industryName ?? ''}` : '—',
              },
              { label: t('firm.registeredCapital'), children: formatMoney(data.registeredCapital) },
              {
                label: t('firm.sizeClass'),
                children: data.sizeClass ? t(`firm.size.${data.sizeClass}`) : '—',
              },
              {
                label: t('firm.listedAs'),
                children: data.listedCode
                  ? `${dash(data.listedExchange)} ${data.listedCode}`
                  : t('firm.notListed'),
              },
              { label: t('firm.parentGroup'), children: dash(data.parentGroup) },
              {
                label: t('pipeline.chainLink'),
                children: <RecordLinkText link={data.link} fallback={data.chainLink} />,
              },
              ...(data.link && data.chainLink
                ? [{ label: t('pipeline.chainLinkText'), children: data.chainLink }]
                : []),
              {
                label: t('firm.contacts'),
                span: 2,
                children: data.contacts.length
                  ? data.contacts.map((c) => [c.name, c.title, c.phone].filter(Boolean).join(' ')).join('；')
                  : '—',
              },
              { label: t('firm.businessScope'), span: 3, children: dash(data.businessScope) },
              // Absent (not empty) when an enterprise user reads its own firm: decision 011.
              ...(data.note === undefined
                ? []
                : [{ label: t('pipeline.note'), span: 3, children: dash(data.note) }]),
              { label: t('pipeline.updatedAt'), children: formatDateTime(data.updatedAt) },
            ]}
          />
        </Card>
        {data.relations ? (
          <FirmRelationsCard
            firmId={data.id}
            firmName={data.name}
            relations={data.relations}
            canEdit={canEdit}
          />
        ) : null}
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Card title={`${t('kpi.firmProjects')} (${data.projects.length})`} data-testid="firm-projects">
              {data.projects.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('firm.noProjects')} />
              ) : (
                <Flex vertical gap={8}>
                  {data.projects.map((project) => (
                    <Flex key={project.id} justify="space-between" gap={8} data-testid="firm-project">
                      <Space size={4} wrap>
                        <Link to={`/projects/${project.id}`}>{project.name}</Link>
                        {project.roles.map((role) => (
                          <Tag key={role} color={ROLE_COLOR[role]} data-testid={`firm-project-role-${role}`}>
                            {t(`kpi.role.${role}`)}
                          </Tag>
                        ))}
                      </Space>
                      <StageTag stage={project.stage} />
                    </Flex>
                  ))}
                </Flex>
              )}
            </Card>
          </Col>
          {leads ? (
            <Col xs={24} lg={12}>
              <Card title={`${t('firm.leads')} (${leads.length})`} data-testid="firm-leads">
                {leads.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('firm.noLeads')} />
                ) : (
                  <Flex vertical gap={8}>
                    {leads.map((lead) => (
                      <Flex key={lead.id} justify="space-between" gap={8}>
                        {can('lead.read') ? (
                          <Link to={`/leads/${lead.id}`}>{lead.title}</Link>
                        ) : (
                          <Typography.Text>{lead.title}</Typography.Text>
                        )}
                        <Tag>{pick(leadStatusLabel(lead.status))}</Tag>
                      </Flex>
                    ))}
                  </Flex>
                )}
              </Card>
            </Col>
          ) : null}
        </Row>
      </Flex>
      {editing ? <FirmFormModal firm={data} onClose={() => setEditing(false)} /> : null}
    </>
  );
}
