import type { Project } from '../../../shared/src/contract/project';
import { useI18n } from '../locales/i18n-context';
import { RemoteSearchSelect } from './remote-search-select';

type ProjectChoice = Pick<Project, 'id' | 'code' | 'name'>;

const PROJECT_PARAMS = { limit: 20 };
const projectOption = (p: ProjectChoice) => ({ label: p.name, title: p.code });

/** A searchable project picker over `GET /api/projects?q=` (the task a project is about, issue 15). */
export function ProjectSelect(props: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  'data-testid'?: string;
}) {
  const { t } = useI18n();
  return (
    <RemoteSearchSelect<ProjectChoice>
      path="/api/projects"
      queryKey={['projects']}
      params={PROJECT_PARAMS}
      toOption={projectOption}
      placeholder={t('project.pickerPlaceholder')}
      emptyText={t('project.pickerEmpty')}
      {...props}
    />
  );
}
