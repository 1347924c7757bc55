import { Tag } from 'antd';
import { type ProjectStage, projectStageLabel } from '../../../shared/src/project-stage';
import { useI18n } from '../locales/i18n-context';

/** Colours follow the delivery path: grey before land, blue through building, green in production. */
export const STAGE_COLORS: Record<ProjectStage, string> = {
  signed: 'default',
  registered: 'default',
  land: 'cyan',
  approved: 'cyan',
  started: 'blue',
  structure_done: 'blue',
  completed: 'geekblue',
  commissioning: 'purple',
  producing: 'green',
  full_capacity: 'success',
  paused: 'orange',
  cancelled: 'red',
};

/** A project stage (签约 … 达产, 暂停, 终止) in the current language. */
export function StageTag({ stage }: { stage: ProjectStage }) {
  const { pick } = useI18n();
  return (
    <Tag color={STAGE_COLORS[stage]} style={{ marginInlineEnd: 0 }}>
      {pick(projectStageLabel(stage))}
    </Tag>
  );
}
