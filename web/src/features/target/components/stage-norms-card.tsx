import { App, Button, Card, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { STAGE_NORM_LIMITS } from '../../../../../shared/src/dispatch';
import { LoadErrorResult } from '../../../components/load-error-result';
import { errorText } from '../../../lib/error-text';
import { useCan } from '../../../lib/use-me';
import { useI18n } from '../../../locales/i18n-context';
import { type StageNorm, useSetStageNorms, useStageNorms } from '../api/use-stage-norms';

/**
 * 阶段标准: how long a project may sit in each stage before the early warnings call it stuck.
 * Everyone who sees the warnings sees the norms they use; admins change them (or go back to the
 * default) and save all changes at once.
 */
export function StageNormsCard() {
  const { t, pick } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const editable = can('warning.norms');
  const norms = useStageNorms();
  const save = useSetStageNorms();
  // Edits not yet saved: a number of days, or null for "back to the default".
  const [draft, setDraft] = useState<Record<string, number | null>>({});
  const dirty = Object.keys(draft).length > 0;
  const onSave = async () => {
    try {
      await save.mutateAsync(draft);
      setDraft({});
      message.success(t('stageNorm.saved'));
    } catch (err) {
      message.error(errorText(err, pick));
    }
  };
  const shown = (n: StageNorm) => (n.stage in draft ? (draft[n.stage] ?? n.defaultDays) : n.days);
  return (
    <Card
      title={t('stageNorm.title')}
      style={{ marginTop: 16 }}
      data-testid="stage-norms"
      extra={
        editable ? (
          <Space>
            <Button disabled={!dirty} onClick={() => setDraft({})}>
              {t('stageNorm.discard')}
            </Button>
            <Button
              type="primary"
              disabled={!dirty}
              loading={save.isPending}
              onClick={onSave}
              data-testid="stage-norms-save"
            >
              {t('stageNorm.save')}
            </Button>
          </Space>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">{t('stageNorm.hint')}</Typography.Paragraph>
      {norms.isError ? (
        <LoadErrorResult error={norms.error} onRetry={() => norms.refetch()} />
      ) : (
        <Table<StageNorm>
          rowKey="stage"
          size="small"
          pagination={false}
          loading={norms.isPending}
          dataSource={norms.data?.items ?? []}
          columns={[
            { title: t('stageNorm.stage'), dataIndex: 'label', render: (l: StageNorm['label']) => pick(l) },
            {
              title: t('stageNorm.days'),
              width: 200,
              render: (_: unknown, n) =>
                editable ? (
                  <InputNumber
                    min={STAGE_NORM_LIMITS.minDays}
                    max={STAGE_NORM_LIMITS.maxDays}
                    precision={0}
                    value={shown(n)}
                    onChange={(v) => setDraft((d) => ({ ...d, [n.stage]: v ?? null }))}
                    suffix={t('stageNorm.unit')}
                    data-testid={`stage-norm-${n.stage}`}
                  />
                ) : (
                  `${n.days} ${t('stageNorm.unit')}`
                ),
            },
            {
              title: t('stageNorm.default'),
              dataIndex: 'defaultDays',
              width: 140,
              render: (v: number) => `${v} ${t('stageNorm.unit')}`,
            },
            {
              title: '',
              width: 200,
              render: (_: unknown, n) => {
                const custom = n.stage in draft ? draft[n.stage] !== null : n.custom;
                return (
                  <Space>
                    {custom ? (
                      <Tag color="blue">{t('stageNorm.custom')}</Tag>
                    ) : (
                      <Tag>{t('stageNorm.isDefault')}</Tag>
                    )}
                    {editable && custom ? (
                      <Button
                        size="small"
                        type="link"
                        onClick={() => setDraft((d) => ({ ...d, [n.stage]: null }))}
                      >
                        {t('stageNorm.reset')}
                      </Button>
                    ) : null}
                  </Space>
                );
              },
            },
          ]}
        />
      )}
    </Card>
  );
}
