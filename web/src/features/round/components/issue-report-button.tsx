import { Button, Tag } from 'antd';
import { useState } from 'react';
import { lazyComponent } from '../../../lib/lazy-component';
import { useCan } from '../../../lib/use-me';
import { useI18n } from '../../../locales/i18n-context';
import { useReportIssues } from '../api/use-report-issues';

// The dialog (antd's Form and Input) loads when first opened, not with the round's page.
const IssueReportDialog = lazyComponent(() =>
  import('./issue-report-dialog').then((m) => m.IssueReportDialog),
);

/**
 * 签发 of a round's dispatch report: its 文号 once issued; before that, for who may issue, a button
 * that opens the dialog asking for the 发文单位 and 抄送.
 */
export function IssueReportButton({ roundId }: { roundId: string }) {
  const { t } = useI18n();
  const can = useCan();
  const [open, setOpen] = useState(false);
  const issues = useReportIssues(can('report.read'));
  const issued = issues.data?.items.find((i) => i.roundId === roundId);
  if (issued) {
    return (
      <Tag color="red" data-testid="report-doc-number">
        {issued.docNumber}
      </Tag>
    );
  }
  if (!can('report.issue') || !issues.data) return null;
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="report-issue">
        {t('report.issue')}
      </Button>
      {open ? (
        <IssueReportDialog roundId={roundId} defaults={issues.data.defaults} onClose={() => setOpen(false)} />
      ) : null}
    </>
  );
}
