import {
  isProjectStage,
  type ProjectStage,
  projectStageLabel,
} from '../../../../../shared/src/project-stage';
import type { ActiveFilterOptions } from '../../../components/active-filters';
import { useLinkOptions } from '../../../lib/use-link-options';
import { useCan } from '../../../lib/use-me';
import { useOfficerOptions } from '../../../lib/use-officer-options';
import { useI18n } from '../../../locales/i18n-context';
import type { ProjectFilters } from '../api/use-projects';

/**
 * The project list's filters as tags, named for people (stage labels, chain and officer names): a
 * list opened from a cockpit figure shows what it is filtered by, including what the filter bar does
 * not show (a chain, a signing-date range, a firm).
 */
export function useActiveProjectFilters(f: ProjectFilters): ActiveFilterOptions[] {
  const { t, pick } = useI18n();
  const can = useCan();
  const links = useLinkOptions(Boolean(f.chainId || f.linkId));
  const officers = useOfficerOptions(Boolean(f.officerId) && can('lead.read'));
  const out: ActiveFilterOptions[] = [];
  if (f.stage) {
    const stages = f.stage.split(',').filter(isProjectStage) as ProjectStage[];
    out.push({
      key: 'stage',
      label: t('project.stage'),
      value: stages.map((s) => pick(projectStageLabel(s))).join('、'),
    });
  }
  if (f.park) out.push({ key: 'park', label: t('project.park'), value: f.park });
  if (f.chainId) {
    const name = links.data?.items.find((l) => l.chainId === f.chainId)?.chainName;
    out.push({ key: 'chainId', label: t('cockpit.chain'), value: name ?? f.chainId });
  }
  if (f.linkId) {
    const link = links.data?.items.find((l) => l.id === f.linkId);
    out.push({
      key: 'linkId',
      label: t('cockpit.chain'),
      value: link ? `${link.chainName} · ${link.name}` : f.linkId,
    });
  }
  if (f.officerId) {
    const name = officers.find((o) => o.value === f.officerId)?.label;
    out.push({ key: 'officerId', label: t('pipeline.officer'), value: name ?? '' });
  }
  if (f.firmId) out.push({ key: 'firmId', label: t('request.filter.firm'), value: '' });
  if (f.signedFrom || f.signedTo) {
    out.push({
      key: 'signedFrom',
      label: t('listFilter.signed'),
      value: `${f.signedFrom ?? '…'} ~ ${f.signedTo ?? '…'}`,
    });
  }
  if (f.late) out.push({ key: 'late', label: t('project.lateOnly'), value: '' });
  return out;
}
