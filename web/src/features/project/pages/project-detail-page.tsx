import { EditOutlined, NodeIndexOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Space, Spin, Tag } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { DossierButton } from '../../../components/dossier-button';
import { LoadErrorResult } from '../../../components/load-error-result';
import { NotFoundResult } from '../../../components/not-found-result';
import { PageHeader } from '../../../components/page-header';
import { SampleTag } from '../../../components/sample-tag';
import { StageTag } from '../../../components/stage-tag';
import { ApiError } from '../../../lib/api-client';
import { lazyComponent } from '../../../lib/lazy-component';
import { useCan, useSignedInMe } from '../../../lib/use-me';
import { useOfficerOptions } from '../../../lib/use-officer-options';
import { useI18n } from '../../../locales/i18n-context';
import { useProject } from '../api/use-projects';
import { PriorityTag } from '../components/priority-tag';
import { ProjectFactsCard } from '../components/project-facts-card';

// The cards below the facts (milestone dates, news sources table, timeline) and the dialogs load
// after the page shows (lib/lazy-component.tsx): a phone sees the project's facts first.
// The stage steps (antd Steps) draw a moment after the header and the figures.
const ProjectStageSteps = lazyComponent(() =>
  import('../components/project-stage-steps').then((m) => m.ProjectStageSteps),
);
const AgreementCard = lazyComponent(() =>
  import('../components/agreement-card').then((m) => m.AgreementCard),
);
const MilestonesCard = lazyComponent(() =>
  import('../components/milestones-card').then((m) => m.MilestonesCard),
);
const ProvenanceList = lazyComponent(() =>
  import('../../../components/provenance-list').then((m) => m.ProvenanceList),
);
const ProjectWorkCard = lazyComponent(() =>
  import('../components/project-work-card').then((m) => m.ProjectWorkCard),
);
const ProjectTimelineCard = lazyComponent(() =>
  import('../components/project-timeline-card').then((m) => m.ProjectTimelineCard),
);
const ProjectFormModal = lazyComponent(() =>
  import('../components/project-form-modal').then((m) => m.ProjectFormModal),
);
const StageMoveModal = lazyComponent(() =>
  import('../components/stage-move-modal').then((m) => m.StageMoveModal),
);

/** `/projects/:id` 一项目一档: facts, figures, stage bar and moves, milestones, timeline. */
export function ProjectDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const can = useCan();
  const me = useSignedInMe();
  const project = useProject(id);
  const officers = useOfficerOptions(can('lead.read'));
  const leaders = useOfficerOptions(can('lead.read'), 'leader');
  const [editing, setEditing] = useState(false);
  const [moving, setMoving] = useState(false);

  if (project.isPending) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (project.isError) {
    if (project.error instanceof ApiError && project.error.status === 404) return <NotFoundResult />;
    return <LoadErrorResult error={project.error} onRetry={() => project.refetch()} />;
  }
  const data = project.data;
  // Officers edit the projects they run; admins any (project.policy.ts). The server checks again.
  const canEdit = can('project.write') && (me.user.role === 'admin' || data.officerId === me.user.id);

  return (
    <>
      <PageHeader
        title={data.name}
        crumbs={[{ title: t('project.title'), path: '/projects' }]}
        subtitle={
          <Space size={6} wrap>
            <span>{data.code}</span>
            <StageTag stage={data.stage} />
            <PriorityTag priority={data.priority} />
            {data.lateMilestones > 0 ? (
              <Tag color="red">
                {t('project.lateCount', { count: data.lateMilestones, days: data.maxDaysLate })}
              </Tag>
            ) : null}
            <SampleTag isSample={data.isSample} />
          </Space>
        }
        extra={
          canEdit ? (
            <Space wrap>
              <DossierButton projectId={data.id} />
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="project-edit">
                {t('common.edit')}
              </Button>
              {data.stage !== 'cancelled' ? (
                <Button
                  type="primary"
                  icon={<NodeIndexOutlined />}
                  onClick={() => setMoving(true)}
                  data-testid="stage-move"
                >
                  {t('project.moveStage')}
                </Button>
              ) : null}
            </Space>
          ) : (
            <DossierButton projectId={data.id} />
          )
        }
      />
      <Flex vertical gap={16}>
        <Card title={t('project.stageProgress')}>
          <ProjectStageSteps project={data} />
        </Card>
        <ProjectFactsCard project={data} canVerify={canEdit} />
        {can('agreement.read') ? <AgreementCard projectId={data.id} projectCode={data.code} /> : null}
        {can('request.read') ? <ProjectWorkCard projectId={data.id} showTasks={can('task.read')} /> : null}
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <MilestonesCard projectId={data.id} canEdit={canEdit} />
          </Col>
          <Col xs={24} xl={10}>
            <ProjectTimelineCard projectId={data.id} />
            <ProvenanceList entity="project" id={data.id} />
          </Col>
        </Row>
      </Flex>
      {editing ? (
        <ProjectFormModal
          project={data}
          officerOptions={officers}
          leaderNames={leaders.map((leader) => leader.label)}
          onClose={() => setEditing(false)}
        />
      ) : null}
      {moving ? <StageMoveModal project={data} onClose={() => setMoving(false)} /> : null}
    </>
  );
}
