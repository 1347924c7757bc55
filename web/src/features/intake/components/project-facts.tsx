import { Table, Tag, Typography } from 'antd';
import type { IntakeProject } from '../../../../../shared/src/intake';
import { useFormatMoney } from '../../../components/money-text';
import { useI18n } from '../../../locales/i18n-context';
import '../../../locales/intake.messages';

/**
 * Every project the article reports — tracked by the zone or not — with the figures read for it.
 * Clicking a row highlights where its name was read.
 */
export function ProjectFacts({
  projects,
  onFocus,
}: {
  projects: IntakeProject[];
  onFocus: (spans: Array<{ start: number; end: number }>) => void;
}) {
  const { t } = useI18n();
  const money = useFormatMoney();
  if (projects.length === 0) return null;
  const facts = (p: IntakeProject): Array<[string, string]> =>
    [
      ['intake.fact.companies', p.companies.map((c) => c.value).join('、')] as const,
      ['intake.fact.investment', p.investmentCny ? money(p.investmentCny.value) : ''] as const,
      ['intake.fact.capacity', p.capacity?.value.asWritten ?? ''] as const,
      ['intake.fact.output', p.outputValueCny ? money(p.outputValueCny.value) : ''] as const,
      ['intake.fact.tax', p.taxCny ? money(p.taxCny.value) : ''] as const,
      ['intake.fact.jobs', p.jobs ? String(p.jobs.value) : ''] as const,
      [
        'intake.fact.stage',
        p.stage ? `${p.stage.value}${p.stage.planned ? t('intake.fact.planned') : ''}` : '',
      ] as const,
      ['intake.fact.park', p.park?.value ?? ''] as const,
      [
        'intake.fact.dates',
        p.dates.map((d) => `${d.value.event ?? ''}${d.value.date ?? d.value.asWritten}`).join('、'),
      ] as const,
    ]
      .filter(([, v]) => v !== '')
      .map(([k, v]) => [t(k), v]);
  return (
    <div data-testid="intake-projects">
      <Typography.Text strong>{t('intake.projectsRead', { count: projects.length })}</Typography.Text>
      <Table
        size="small"
        pagination={false}
        rowKey={(p) => `${p.span.start}-${p.name}`}
        dataSource={projects}
        onRow={(p) => ({ onClick: () => onFocus([p.span]), style: { cursor: 'pointer' } })}
        columns={[
          {
            key: 'name',
            width: '38%',
            render: (_: unknown, p: IntakeProject) => (
              <span data-testid="intake-project-name">
                {p.isAggregate ? <Tag>{t('intake.aggregate')}</Tag> : null}
                {p.name}
              </span>
            ),
          },
          {
            key: 'facts',
            render: (_: unknown, p: IntakeProject) => (
              <span data-testid="intake-project-facts">
                {facts(p).map(([k, v]) => (
                  <Tag key={k} style={{ marginBottom: 2 }}>
                    {k}：{v}
                  </Tag>
                ))}
              </span>
            ),
          },
        ]}
        showHeader={false}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('intake.estimateNote')}
      </Typography.Text>
    </div>
  );
}
