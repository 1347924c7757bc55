import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Form, Input, Row, Select, Space, Typography } from 'antd';
import { FirmSelect } from '../../../components/firm-select';
import { errorText } from '../../../lib/error-text';
import { useI18n } from '../../../locales/i18n-context';
import { type ChainDetail, type ChainOwnersValues, useUpdateChainOwners } from '../api/use-chains';
import './chain-messages';

interface OwnerFormValues {
  officialName?: string | null;
  officialTitle?: string | null;
  leaders: Array<{ firmId: string | null; linkId?: string | null; note?: string | null }>;
}

const testId = (id: string) => ({ 'data-testid': id }) as Record<string, string>;

/**
 * 链长与链主: who is in charge of the chain (an official) and which firms lead it, set on an
 * existing chain. One PATCH with the version read; the server audits it.
 */
export function ChainOwnersCard({ chain }: { chain: ChainDetail }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<OwnerFormValues>();
  const save = useUpdateChainOwners(chain.id);
  const firmNames = new Map(chain.leaders.map((l) => [l.firmId, l.firmName]));
  const linkOptions = chain.links.map((l) => ({ value: l.id, label: l.name }));

  const handleFinish = async (values: OwnerFormValues) => {
    const body: ChainOwnersValues = {
      officialName: values.officialName?.trim() || null,
      officialTitle: values.officialTitle?.trim() || null,
      leaders: values.leaders
        .filter((l): l is typeof l & { firmId: string } => !!l.firmId)
        .map((l) => ({ firmId: l.firmId, linkId: l.linkId ?? null, note: l.note?.trim() || null })),
    };
    try {
      await save.mutateAsync({ ...body, version: chain.version });
      message.success(t('chain.owners.saved'));
    } catch (err) {
      message.error(errorText(err, pick));
    }
  };

  return (
    <Card
      size="small"
      title={t('chain.owners.title')}
      style={{ marginBottom: 16 }}
      {...testId('chain-owners')}
    >
      <Typography.Paragraph type="secondary">{t('chain.owners.hint')}</Typography.Paragraph>
      <Form<OwnerFormValues>
        form={form}
        layout="vertical"
        key={chain.version}
        initialValues={{
          officialName: chain.officialName,
          officialTitle: chain.officialTitle,
          leaders: chain.leaders.map((l) => ({ firmId: l.firmId, linkId: l.linkId, note: l.note })),
        }}
        onFinish={handleFinish}
      >
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="officialName" label={t('chain.owners.officialName')} rules={[{ max: 100 }]}>
              <Input {...testId('owners-official-name')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="officialTitle" label={t('chain.owners.officialTitle')} rules={[{ max: 200 }]}>
              <Input {...testId('owners-official-title')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.List name="leaders">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Row gutter={8} key={field.key} align="top" {...testId(`owners-leader-${index}`)}>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name={[field.name, 'firmId']}
                      label={index === 0 ? t('chain.owners.firm') : undefined}
                      rules={[{ required: true, message: t('chain.owners.firm') }]}
                    >
                      <FirmSelect
                        initialLabel={firmNames.get(form.getFieldValue(['leaders', field.name, 'firmId']))}
                        data-testid={`owners-firm-${index}`}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={20} md={10}>
                    <Form.Item
                      name={[field.name, 'linkId']}
                      label={index === 0 ? t('chain.owners.link') : undefined}
                    >
                      <Select allowClear options={linkOptions} showSearch={{ optionFilterProp: 'label' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={4} md={2} style={index === 0 ? { paddingTop: 30 } : undefined}>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      title={t('chain.owners.remove')}
                      aria-label={t('chain.owners.remove')}
                      onClick={() => remove(field.name)}
                    />
                  </Col>
                </Row>
              ))}
              <Space wrap>
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ firmId: null, linkId: null })}
                  {...testId('owners-add-leader')}
                >
                  {t('chain.owners.addLeader')}
                </Button>
                <Button type="primary" htmlType="submit" loading={save.isPending} {...testId('owners-save')}>
                  {t('chain.owners.save')}
                </Button>
              </Space>
            </>
          )}
        </Form.List>
      </Form>
    </Card>
  );
}
