import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Collapse,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Spin,
  Typography,
} from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { FirmSelect } from '../../../components/firm-select';
import { errorText } from '../../../lib/error-text';
import { applyFieldErrors } from '../../../lib/form-errors';
import { useI18n } from '../../../locales/i18n-context';
import {
  FIRM_RELATION_KINDS,
  type FirmRelation,
  type FirmRelationKind,
  useAddFirmRelation,
  useFirmRelations,
  useRemoveFirmRelation,
} from '../api/use-firms';

// ECharts is a large download: the firm's facts show first, the graph when it has arrived.
const FirmRelationGraph = lazy(() =>
  import('./firm-relation-graph').then((m) => ({ default: m.FirmRelationGraph })),
);

interface RelationFormValues {
  kind: FirmRelationKind;
  toFirmId: string;
  note?: string;
}

/** One edge read as a sentence with both firms linked: "A 供货给 B". */
function RelationSentence({ relation }: { relation: FirmRelation }) {
  const { t } = useI18n();
  const [before, middle, after] = t(`firm.relation.${relation.kind}`).split(/\{from\}|\{to\}/);
  return (
    <span>
      {before}
      <Link to={`/firms/${relation.fromFirmId}`}>{relation.fromFirmName}</Link>
      {middle}
      <Link to={`/firms/${relation.toFirmId}`}>{relation.toFirmName}</Link>
      {after}
    </span>
  );
}

/** Add a relation from this firm to another: "this firm [kind] the other". */
function AddRelationModal({
  firmId,
  firmName,
  onClose,
}: {
  firmId: string;
  firmName: string;
  onClose: () => void;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RelationFormValues>();
  const addRelation = useAddFirmRelation(firmId);
  const kind = Form.useWatch('kind', form) ?? 'partner';
  return (
    <Modal
      open
      title={t('firm.addRelation')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={addRelation.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'partner' }}
        data-testid="relation-form"
        onFinish={(values) =>
          addRelation.mutate(
            { toFirmId: values.toFirmId, kind: values.kind, note: values.note?.trim() || null },
            {
              onSuccess: () => {
                message.success(t('common.saved'));
                onClose();
              },
              onError: (error) => {
                if (!applyFieldErrors(form, error, pick)) message.error(errorText(error, pick));
              },
            },
          )
        }
      >
        <Form.Item name="kind" label={t('firm.relationKind')} rules={[{ required: true }]}>
          <Select
            options={FIRM_RELATION_KINDS.map((value) => ({
              value,
              label: t(`firm.relation.${value}`, { from: firmName, to: '…' }),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="toFirmId"
          label={t('firm.relationOther')}
          extra={t(`firm.relation.${kind}`, { from: firmName, to: t('firm.relationOther') })}
          rules={[{ required: true, message: t('firm.pickerPlaceholder') }]}
        >
          <FirmSelect excludeIds={[firmId]} data-testid="relation-firm" />
        </Form.Item>
        <Form.Item name="note" label={t('pipeline.note')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 以商招商 graph around a firm (GET /api/firms/:id/relations), with the same edges as a list of
 * sentences below it — collapsed, the accessible fallback — and add and remove for editors.
 */
export function FirmRelationsCard({
  firmId,
  firmName,
  relations: firstRelations,
  canEdit,
}: {
  firmId: string;
  firmName: string;
  /** What the firm's own answer carried: shown until the relations answer arrives. */
  relations: FirmRelation[];
  canEdit: boolean;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const removeRelation = useRemoveFirmRelation();
  const relations = useFirmRelations(firmId).data?.items ?? firstRelations;
  return (
    <Card
      title={t('firm.relations')}
      extra={
        canEdit ? (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="relation-add"
          >
            {t('firm.addRelation')}
          </Button>
        ) : null
      }
      data-testid="firm-relations"
    >
      <Suspense fallback={<Spin style={{ display: 'block', margin: '24px auto' }} />}>
        <FirmRelationGraph firmId={firmId} firmName={firmName} relations={relations} />
      </Suspense>
      {relations.length > 0 ? (
        <Collapse
          ghost
          size="small"
          data-testid="firm-relation-list"
          items={[
            {
              key: 'list',
              label: t('firm.relationList', { n: relations.length }),
              children: (
                <Flex vertical gap={8}>
                  {relations.map((relation) => (
                    <Flex key={relation.id} justify="space-between" align="center" gap={8}>
                      <div>
                        <RelationSentence relation={relation} />
                        {relation.note ? (
                          <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                            （{relation.note}）
                          </Typography.Text>
                        ) : null}
                      </div>
                      {canEdit ? (
                        <Popconfirm
                          title={t('firm.removeRelationConfirm')}
                          okText={t('common.confirm')}
                          cancelText={t('common.cancel')}
                          onConfirm={() =>
                            removeRelation.mutate(relation.id, {
                              onError: (error) => message.error(errorText(error, pick)),
                            })
                          }
                        >
                          <Button
                            type="text"
                            size="small"
                            danger
                            icon={<DeleteOutlined />}
                            aria-label={t('common.delete')}
                          />
                        </Popconfirm>
                      ) : null}
                    </Flex>
                  ))}
                </Flex>
              ),
            },
          ]}
        />
      ) : null}
      {adding ? (
        <AddRelationModal firmId={firmId} firmName={firmName} onClose={() => setAdding(false)} />
      ) : null}
    </Card>
  );
}
