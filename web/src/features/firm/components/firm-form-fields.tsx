import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, Radio, Row, Select, Space } from 'antd';
import { INDUSTRY_CODES } from '../../../../../shared/src/industry-codes';
import { validateUscc } from '../../../../../shared/src/uscc';
import { ChainLinkSelect } from '../../../components/chain-link-select';
import { MoneyInput, moneyRule } from '../../../components/money-input';
import { useI18n } from '../../../locales/i18n-context';
import { FIRM_SIZE_CLASSES } from '../api/use-firms';

/** Industry codes to pick from: divisions (2 digits) and the finer codes the demo uses. */
const INDUSTRY_OPTIONS = INDUSTRY_CODES.filter((entry) => entry.level !== 'section').map((entry) => ({
  value: entry.code,
  label: `${entry.code} ${entry.name}`,
  search: `${entry.code} ${entry.name} ${'nameEn' in entry ? entry.nameEn : ''}`,
}));

/**
 * The fields of the firm form, laid out in two columns; the modal owns the Form. `chainLinkText`:
 * the record's imported free-text chain, editable until a link is picked.
 */
export function FirmFormFields({ chainLinkText }: { chainLinkText: string | null }) {
  const { t, pick } = useI18n();
  return (
    <>
      <Row gutter={16}>
        <Col span={16}>
          <Form.Item name="name" label={t('firm.name')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={120} data-testid="firm-name" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="shortName" label={t('firm.shortName')}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="uscc"
            label={t('firm.uscc')}
            extra={t('firm.usccHint')}
            rules={[
              {
                validator: async (_rule, value: string | undefined) => {
                  if (!value?.trim()) return;
                  const result = validateUscc(value);
                  if (!result.ok) throw new Error(pick(result.message));
                },
              },
            ]}
          >
            <Input maxLength={24} style={{ fontFamily: 'monospace' }} data-testid="firm-uscc" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="isLocal" label={t('firm.locality')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: true, label: t('firm.local') },
                { value: false, label: t('firm.external') },
              ]}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="industryCode" label={t('firm.industry')}>
            <Select
              allowClear
              showSearch={{
                filterOption: (input, option) =>
                  String(option?.search ?? '')
                    .toLowerCase()
                    .includes(input.trim().toLowerCase()),
              }}
              options={INDUSTRY_OPTIONS}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="region" label={t('firm.region')}>
            <Input maxLength={200} placeholder={t('firm.regionPlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="registeredCapital" label={t('firm.registeredCapital')} rules={[moneyRule(pick)]}>
            <MoneyInput />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="sizeClass" label={t('firm.sizeClass')}>
            <Select
              allowClear
              options={FIRM_SIZE_CLASSES.map((value) => ({ value, label: t(`firm.size.${value}`) }))}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="parentGroup" label={t('firm.parentGroup')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="listedExchange" label={t('firm.listedExchange')}>
            <Input maxLength={200} placeholder={t('firm.listedExchangePlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="listedCode" label={t('firm.listedCode')}>
            <Input maxLength={20} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="linkId" label={t('pipeline.chainLink')}>
            <ChainLinkSelect data-testid="firm-link" />
          </Form.Item>
        </Col>
      </Row>
      {chainLinkText ? (
        <Form.Item name="chainLink" label={t('pipeline.chainLinkText')}>
          <Input maxLength={200} placeholder={t('pipeline.chainLinkPlaceholder')} />
        </Form.Item>
      ) : null}
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="tags" label={t('firm.tags')}>
            <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} suffixIcon={null} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="aliases" label={t('firm.aliases')} extra={t('firm.aliasesHint')}>
            <Select
              mode="tags"
              tokenSeparators={[',', '，', '、']}
              open={false}
              suffixIcon={null}
              data-testid="firm-aliases"
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="englishName" label={t('firm.englishName')}>
        <Input maxLength={120} data-testid="firm-english-name" />
      </Form.Item>
      <Form.Item name="businessScope" label={t('firm.businessScope')}>
        <Input.TextArea rows={2} maxLength={4000} />
      </Form.Item>
      <Form.Item label={t('firm.contacts')}>
        <Form.List name="contacts">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex', marginBottom: 4 }}>
                  <Form.Item
                    name={[field.name, 'name']}
                    rules={[{ required: true, whitespace: true }]}
                    noStyle
                  >
                    <Input placeholder={t('firm.contactName')} maxLength={64} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'title']} noStyle>
                    <Input placeholder={t('firm.contactTitle')} maxLength={64} style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'phone']} noStyle>
                    <Input placeholder={t('firm.contactPhone')} maxLength={40} style={{ width: 170 }} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={t('common.delete')} />
                </Space>
              ))}
              <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ name: '' })}>
                {t('firm.addContact')}
              </Button>
            </>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name="note" label={t('pipeline.note')}>
        <Input.TextArea rows={2} maxLength={4000} />
      </Form.Item>
    </>
  );
}
