import { App, Button, Card, Form, InputNumber, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { CHAIN_LIMITS, RANKING_FACTORS, type RankingWeights } from '../../../../../shared/src/chain';
import { ApiError } from '../../../lib/api-client';
import { useCan } from '../../../lib/use-me';
import { useI18n } from '../../../locales/i18n-context';
import { useRankingSettings, useSaveWeights } from '../api/use-chains';
import './chain-messages';

/** The zone's target ranking weights: read by everyone with chain.read, set with chain.weights. */
export function WeightsCard() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const can = useCan();
  const settings = useRankingSettings();
  const save = useSaveWeights();
  const [form] = Form.useForm<RankingWeights>();
  const editable = can('chain.weights');

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data.weights);
  }, [settings.data, form]);

  const handleSave = async () => {
    const weights = await form.validateFields();
    try {
      await save.mutateAsync({ weights, version: settings.data?.version ?? 0 });
      message.success(t('common.saved'));
    } catch (err) {
      message.error(err instanceof ApiError ? pick(err.text) : String(err));
    }
  };

  return (
    <Card title={t('chain.weights.title')} size="small" data-testid="chain-weights">
      <Typography.Paragraph type="secondary">{t('chain.weights.hint')}</Typography.Paragraph>
      <Form form={form} layout="inline" disabled={!editable}>
        {RANKING_FACTORS.map((f) => (
          <Form.Item key={f} name={f} label={t(`chain.factor.${f}`)} rules={[{ required: true }]}>
            <InputNumber
              min={0}
              max={CHAIN_LIMITS.maxWeight}
              style={{ width: 80 }}
              data-testid={`weight-${f}`}
            />
          </Form.Item>
        ))}
        {editable ? (
          <Space>
            <Button type="primary" onClick={handleSave} loading={save.isPending} data-testid="weights-save">
              {t('common.save')}
            </Button>
          </Space>
        ) : null}
      </Form>
    </Card>
  );
}
