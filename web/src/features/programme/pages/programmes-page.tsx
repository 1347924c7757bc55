import { Card, Descriptions, Space, Statistic, Tag } from 'antd';
import { Link } from 'react-router';
import { FigureCards } from '../../../components/figure-cards';
import { LoadErrorResult } from '../../../components/load-error-result';
import { PageHeader } from '../../../components/page-header';
import { SampleTag } from '../../../components/sample-tag';
import { useI18n } from '../../../locales/i18n-context';
import { useProgrammes } from '../api/use-programmes';

/** `/programmes` 对口支援: each programme with its figures and, where it applies, the pass rate. */
export function ProgrammesPage() {
  const { t } = useI18n();
  const programmes = useProgrammes();
  if (programmes.isError)
    return <LoadErrorResult error={programmes.error} onRetry={() => programmes.refetch()} />;
  return (
    <>
      <PageHeader title={t('programme.title')} />
      {(programmes.data?.items ?? []).map((p) => {
        const graduates = p.figures.find((f) => f.key === 'graduates');
        const passed = p.figures.find((f) => f.key === 'over_undergrad_line');
        const rate =
          graduates && passed && graduates.value > 0 ? (passed.value / graduates.value) * 100 : null;
        return (
          <Card
            key={p.id}
            loading={programmes.isPending}
            style={{ marginBottom: 16 }}
            data-testid="programme-card"
            title={
              <Space wrap>
                <Link to={`/tasks/${p.id}`}>{p.title}</Link>
                <SampleTag isSample={p.isSample} />
                {p.region ? <Tag>{p.region}</Tag> : null}
              </Space>
            }
          >
            <Descriptions
              size="small"
              column={2}
              style={{ marginBottom: 16 }}
              items={[
                { label: t('sup.leadUnit'), children: p.leadDepartmentName },
                { label: t('sup.source'), children: p.sourceTitle ?? '—' },
                { label: t('task.description'), children: p.description ?? '—', span: 2 },
              ]}
            />
            <FigureCards figures={p.figures} testId="programme-figures" />
            {rate !== null ? (
              <Card size="small" style={{ marginTop: 12, maxWidth: 260 }}>
                <Statistic
                  title={t('programme.passRate')}
                  value={rate}
                  precision={1}
                  suffix="%"
                  data-testid="programme-pass-rate"
                />
              </Card>
            ) : null}
          </Card>
        );
      })}
    </>
  );
}
