import { REQUEST_STATUS_LABELS } from '../../../../../shared/src/request-status';
import { TASK_STATUS_LABELS } from '../../../../../shared/src/task-status';
import { useCan } from '../../../lib/use-me';
import { useProjectRequests, useProjectTasks } from '../../../lib/use-project-work';
import { useI18n } from '../../../locales/i18n-context';

/**
 * The printable dossier's 要素保障需求 and 督办任务 (issue 15), as the .docx lists them: status, unit,
 * deadline and days overdue, in the reader's scope (a firm: its own requests, no tasks).
 */
export function DossierWorkTables({ projectId }: { projectId: string }) {
  const { t, pick } = useI18n();
  const can = useCan();
  const showTasks = can('task.read');
  const requests = useProjectRequests(projectId, true);
  const tasks = useProjectTasks(projectId, showTasks);
  const none = <p className="dossier-none">{t('dossier.none')}</p>;
  const late = (daysLate: number) => (daysLate > 0 ? t('sup.overdueDays', { days: daysLate }) : '—');
  const requestItems = requests.data?.items ?? [];
  const taskItems = tasks.data?.items ?? [];
  return (
    <>
      <h2>{t('dossier.requests')}</h2>
      {requestItems.length === 0 ? (
        none
      ) : (
        <table data-testid="dossier-requests">
          <thead>
            <tr>
              <th>{t('dossier.code')}</th>
              <th>{t('request.subject')}</th>
              <th>{t('sup.status')}</th>
              <th>{t('request.department')}</th>
              <th>{t('sup.deadline')}</th>
              <th>{t('dossier.overdue')}</th>
            </tr>
          </thead>
          <tbody>
            {requestItems.map((r) => (
              <tr key={r.id}>
                <td className="date">{r.code}</td>
                <td>{r.title}</td>
                <td>{pick(REQUEST_STATUS_LABELS[r.status])}</td>
                <td>{r.departmentName ?? t('project.work.unassigned')}</td>
                <td className="date">{r.deadline ?? '—'}</td>
                <td>{late(r.daysLate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {showTasks ? (
        <>
          <h2>{t('dossier.tasks')}</h2>
          {taskItems.length === 0 ? (
            none
          ) : (
            <table data-testid="dossier-tasks">
              <thead>
                <tr>
                  <th>{t('dossier.code')}</th>
                  <th>{t('task.subject')}</th>
                  <th>{t('sup.status')}</th>
                  <th>{t('sup.leadUnit')}</th>
                  <th>{t('sup.deadline')}</th>
                  <th>{t('dossier.overdue')}</th>
                </tr>
              </thead>
              <tbody>
                {taskItems.map((task) => (
                  <tr key={task.id}>
                    <td className="date">{task.code}</td>
                    <td>{task.title}</td>
                    <td>{pick(TASK_STATUS_LABELS[task.status])}</td>
                    <td>{task.leadDepartmentName ?? '—'}</td>
                    <td className="date">{task.deadline ?? '—'}</td>
                    <td>{late(task.daysLate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      ) : null}
    </>
  );
}
