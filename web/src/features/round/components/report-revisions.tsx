import { Spin, Timeline, Typography } from 'antd';
import { useFormatMoney } from '../../../components/money-text';
import { formatDateTime } from '../../../lib/date-format';
import { useI18n } from '../../../locales/i18n-context';
import { useReportRevisions } from '../api/use-rounds';

/**
 * 修订记录: every version of a round report, newest first — who wrote it, when, and the 入统
 * figures as they were written (the server keeps each one; a correction never erases the last).
 */
export function ReportRevisions({ reportId }: { reportId: string }) {
  const { t } = useI18n();
  const money = useFormatMoney();
  const revisions = useReportRevisions(reportId);
  return (
    <div data-testid="round-report-revisions">
      <Typography.Title level={5}>{t('round.revisions')}</Typography.Title>
      {revisions.isPending ? <Spin size="small" /> : null}
      <Timeline
        items={(revisions.data?.items ?? []).map((r, i) => ({
          color: i === 0 ? 'blue' : 'gray',
          title: (
            <Typography.Text strong>
              {t('round.revisionLine', {
                version: r.version,
                who: r.reporterName ?? '—',
                at: formatDateTime(r.writtenAt),
              })}
            </Typography.Text>
          ),
          content: (
            <>
              <div>
                {t('round.revisionFigures', {
                  investment: money(r.investmentPeriod),
                  stats: r.investmentInStats ? '' : t('round.notInStatsShort'),
                  funds: money(r.fundsPeriod),
                  cumulative: money(r.investmentCumulative),
                })}
              </div>
              <Typography.Text type="secondary">{r.narrative}</Typography.Text>
            </>
          ),
        }))}
      />
    </div>
  );
}
