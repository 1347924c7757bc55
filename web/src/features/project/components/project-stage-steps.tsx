import { Alert, Steps } from 'antd';
import { PROJECT_STAGES, projectStageLabel } from '../../../../../shared/src/project-stage';
import { useI18n } from '../../../locales/i18n-context';
import type { Project } from '../api/use-projects';

const PATH = PROJECT_STAGES.filter((stage) => stage.order !== null);

/** The ten stages 签约 → 达产 with the project's place on the path; paused / cancelled flagged. */
export function ProjectStageSteps({ project }: { project: Project }) {
  const { t, pick, lang } = useI18n();
  const onPath = project.stage === 'paused' ? project.pausedFromStage : project.stage;
  const current = PATH.findIndex((stage) => stage.key === onPath);
  const off = project.stage === 'paused' || project.stage === 'cancelled';
  return (
    <>
      {off ? (
        <Alert
          type={project.stage === 'cancelled' ? 'error' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          title={`${pick(projectStageLabel(project.stage))}${project.stageDate ? ` · ${project.stageDate}` : ''}`}
          description={project.stageReason ? `${t('pipeline.reason')}: ${project.stageReason}` : undefined}
        />
      ) : null}
      <div style={{ overflowX: 'auto' }}>
        <Steps
          size="small"
          current={Math.max(current, 0)}
          status={off ? 'error' : project.stage === 'full_capacity' ? 'finish' : 'process'}
          items={PATH.map((stage, index) => ({
            title: pick(stage),
            content: index === current && project.stageDate ? project.stageDate : undefined,
          }))}
          // English stage names are long: put them under the icons so they do not wrap letter by letter.
          titlePlacement={lang === 'en' ? 'vertical' : 'horizontal'}
          style={{ minWidth: lang === 'en' ? 1100 : 900 }}
          data-testid="stage-steps"
        />
      </div>
    </>
  );
}
