import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  AutoComplete,
  Button,
  Col,
  DatePicker,
  Divider,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
} from 'antd';
import { TEXT_LIMITS } from '../../../../../shared/src/text';
import { ChainLinkSelect } from '../../../components/chain-link-select';
import { FirmSelect } from '../../../components/firm-select';
import { MoneyInput, moneyRule } from '../../../components/money-input';
import { OfficerSelect } from '../../../components/officer-select';
import { ParkSelect } from '../../../components/park-select';
import { useI18n } from '../../../locales/i18n-context';
import { PROJECT_PRIORITIES, type ProjectInvestor } from '../api/use-projects';

const MONEY_FIELDS = [
  'totalInvestment',
  'fixedAssetInvestment',
  'fundsInPlace',
  'expectedOutput',
  'expectedTax',
  'expectedExports',
] as const;

interface ProjectFormFieldsProps {
  officerOptions: { value: string; label: string }[];
  /** Leaders' names to pick the 包保领导 from; the field stays free text (a leader may have no account). */
  leaderNames: string[];
  officerName: string | null;
  /** Imported free-text chain on the record: shown for editing until a link is picked. */
  chainLinkText: string | null;
  /** Investors already on the project, so their names show before any search. */
  investors: ProjectInvestor[];
  /** The current 项目公司's name, so an edit form shows it before any search. */
  companyName: string | null;
}

/** The project form's fields in sections: basics, investors, money, capacity, people. */
export function ProjectFormFields({
  officerOptions,
  leaderNames,
  officerName,
  chainLinkText,
  investors,
  companyName,
}: ProjectFormFieldsProps) {
  const { t, pick } = useI18n();
  const nameOf = (firmId: string | undefined) => investors.find((i) => i.firmId === firmId)?.firmName ?? null;
  return (
    <>
      <Row gutter={16}>
        <Col span={16}>
          <Form.Item name="name" label={t('project.name')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={TEXT_LIMITS.name} data-testid="project-name" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="priority" label={t('project.priorityLabel')}>
            <Select
              allowClear
              options={PROJECT_PRIORITIES.map((value) => ({ value, label: t(`project.priority.${value}`) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="parkId" label={t('project.park')}>
            <ParkSelect data-testid="project-park" />
          </Form.Item>
          <Form.Item name="park" label={t('project.parkText')}>
            <Input maxLength={TEXT_LIMITS.short} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="linkId" label={t('pipeline.chainLink')}>
            <ChainLinkSelect data-testid="project-link" />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name="landMu" label={t('project.landMu')}>
            <InputNumber min={0} max={1_000_000} style={{ width: '100%' }} data-testid="project-land" />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name="startDate" label={t('project.startDate')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      {chainLinkText ? (
        <Form.Item name="chainLink" label={t('pipeline.chainLinkText')}>
          <Input maxLength={TEXT_LIMITS.short} placeholder={t('pipeline.chainLinkPlaceholder')} />
        </Form.Item>
      ) : null}
      <Divider titlePlacement="start" plain>
        {t('project.investors')}
      </Divider>
      <Form.List name="investors">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Space key={field.key} align="baseline" style={{ display: 'flex', marginBottom: 4 }}>
                <Form.Item
                  noStyle
                  shouldUpdate={(prev, next) =>
                    prev.investors?.[field.name]?.firmId !== next.investors?.[field.name]?.firmId
                  }
                >
                  {({ getFieldValue }) => (
                    <Form.Item
                      name={[field.name, 'firmId']}
                      rules={[{ required: true, message: t('firm.pickerPlaceholder') }]}
                      noStyle
                    >
                      <FirmSelect
                        initialLabel={nameOf(
                          getFieldValue(['investors', field.name, 'firmId']) as string | undefined,
                        )}
                        style={{ width: 380 }}
                      />
                    </Form.Item>
                  )}
                </Form.Item>
                <Form.Item name={[field.name, 'sharePct']} noStyle>
                  <InputNumber
                    min={0}
                    max={100}
                    placeholder={t('project.sharePct')}
                    suffix="%"
                    style={{ width: 130 }}
                  />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={t('common.delete')} />
              </Space>
            ))}
            <Button
              type="dashed"
              size="small"
              icon={<PlusOutlined />}
              onClick={() => add({})}
              style={{ marginBottom: 16 }}
            >
              {t('project.addInvestor')}
            </Button>
          </>
        )}
      </Form.List>
      <Form.Item name="companyFirmId" label={t('kpi.company')} tooltip={t('kpi.companyHint')}>
        <FirmSelect
          initialLabel={companyName}
          allowClear
          style={{ maxWidth: 380 }}
          data-testid="project-company"
        />
      </Form.Item>
      <Divider titlePlacement="start" plain>
        {t('project.moneySection')}
      </Divider>
      <Row gutter={16}>
        {MONEY_FIELDS.map((name) => (
          <Col span={8} key={name}>
            <Form.Item name={name} label={t(`project.${name}`)} rules={[moneyRule(pick)]}>
              <MoneyInput data-testid={`project-${name}`} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Row gutter={16}>
        <Col span={6}>
          <Form.Item name="expectedJobs" label={t('project.expectedJobs')}>
            <InputNumber min={0} max={10_000_000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item
            name="capacityQuantity"
            label={t('project.capacityQuantity')}
            extra={t('project.capacityHint')}
          >
            <InputNumber min={0} style={{ width: '100%' }} data-testid="project-capacity-quantity" />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name="capacityUnit" label={t('project.capacityUnit')}>
            <Input
              maxLength={TEXT_LIMITS.unit}
              placeholder={t('project.capacityUnitPlaceholder')}
              data-testid="project-capacity-unit"
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="capacityProduct" label={t('project.capacityProduct')}>
            <Input
              maxLength={TEXT_LIMITS.short}
              placeholder={t('project.capacityProductPlaceholder')}
              data-testid="project-capacity-product"
            />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" plain>
        {t('project.peopleSection')}
      </Divider>
      <Row gutter={16}>
        {officerOptions.length > 0 ? (
          <Col span={6}>
            <Form.Item name="officerId" label={t('pipeline.officer')}>
              <OfficerSelect options={officerOptions} initialLabel={officerName} />
            </Form.Item>
          </Col>
        ) : null}
        <Col span={6}>
          <Form.Item name="leaderName" label={t('project.leaderName')}>
            <AutoComplete
              maxLength={TEXT_LIMITS.person}
              options={leaderNames.map((name) => ({ value: name }))}
              showSearch={{
                filterOption: (input, option) => String(option?.value ?? '').includes(input.trim()),
              }}
            />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="contactName" label={t('project.contactName')}>
            <Input maxLength={TEXT_LIMITS.person} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="contactPhone" label={t('project.contactPhone')}>
            <Input maxLength={TEXT_LIMITS.phone} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
