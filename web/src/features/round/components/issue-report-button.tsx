import { Button, Tag } from 'antd';
import { useState } from 'react';
import type { ReportIssue } from '../../../../../shared/src/contract/report';
import { formatDateTime } from '../../../lib/date-format';
import { lazyComponent } from '../../../lib/lazy-component';
import { useCan } from '../../../lib/use-me';
import { useI18n } from '../../../locales/i18n-context';
import { useReportIssues } from '../api/use-report-issues';

// The dialogs (antd's Form and Input) load when first opened, not with the round's page.
const IssueReportDialog = lazyComponent(() =>
  import('./issue-report-dialog').then((m) => m.IssueReportDialog),
);
const WithdrawIssueDialog = lazyComponent(() =>
  import('./withdraw-issue-dialog').then((m) => m.WithdrawIssueDialog),
);

/** The round's issues: the one in force (if any) and the withdrawn ones, newest first. */
function useRoundIssues(roundId: string) {
  const can = useCan();
  const issues = useReportIssues(can('report.read'));
  const ofRound = issues.data?.items.filter((i) => i.roundId === roundId) ?? [];
  return {
    data: issues.data,
    inForce: ofRound.find((i) => !i.withdrawnAt),
    withdrawn: ofRound.filter((i) => i.withdrawnAt),
  };
}

/**
 * 签发 of a round's dispatch report: its 文号 once issued, with 作废 for who may issue; before that
 * (or after a withdrawal, as 重新签发) a button that opens the dialog asking for 发文单位 and 抄送.
 */
export function IssueReportButton({ roundId }: { roundId: string }) {
  const { t } = useI18n();
  const can = useCan();
  const [open, setOpen] = useState<'issue' | 'withdraw' | null>(null);
  const { data, inForce, withdrawn } = useRoundIssues(roundId);
  if (inForce) {
    return (
      <>
        <Tag color="red" data-testid="report-doc-number">
          {inForce.docNumber}
        </Tag>
        {can('report.issue') ? (
          <Button danger onClick={() => setOpen('withdraw')} data-testid="report-withdraw">
            {t('report.withdraw')}
          </Button>
        ) : null}
        {open === 'withdraw' ? <WithdrawIssueDialog issue={inForce} onClose={() => setOpen(null)} /> : null}
      </>
    );
  }
  if (!can('report.issue') || !data) return null;
  return (
    <>
      <Button onClick={() => setOpen('issue')} data-testid="report-issue">
        {t(withdrawn.length > 0 ? 'report.reissue' : 'report.issue')}
      </Button>
      {open === 'issue' ? (
        <IssueReportDialog roundId={roundId} defaults={data.defaults} onClose={() => setOpen(null)} />
      ) : null}
    </>
  );
}

/** The round's withdrawn (作废) issues, each with who withdrew it, when and why; nothing if none. */
export function WithdrawnIssues({ roundId }: { roundId: string }) {
  const { t } = useI18n();
  const { withdrawn } = useRoundIssues(roundId);
  if (withdrawn.length === 0) return null;
  return (
    <div data-testid="report-withdrawn" style={{ marginBottom: 12 }}>
      {withdrawn.map((i: ReportIssue) => (
        <div key={i.id}>
          <Tag>{t('report.withdraw')}</Tag>
          <span style={{ textDecoration: 'line-through' }}>{i.docNumber}</span>{' '}
          {t('report.withdrawnLine', {
            reason: i.withdrawReason ?? '',
            name: i.withdrawnByName ?? '',
            at: formatDateTime(i.withdrawnAt),
          })}
        </div>
      ))}
    </div>
  );
}
