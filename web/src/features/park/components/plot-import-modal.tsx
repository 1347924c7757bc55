import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Select, Space, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import { PLOT_IMPORT_FIELDS, PLOT_STATUS_LABELS, type PlotStatus } from '../../../../../shared/src/park';
import { errorText } from '../../../lib/error-text';
import { usePhoneModalProps } from '../../../lib/use-is-phone';
import { useI18n } from '../../../locales/i18n-context';
import { type ImportPreview, useImportPlots } from '../api/use-parks';
import '../../../locales/park.messages';

const FIELD_LABEL_KEYS = {
  code: 'plot.code',
  areaMu: 'plot.areaMu',
  landUse: 'plot.landUse',
  status: 'plot.status',
  plotRatio: 'plot.plotRatio',
  heightM: 'plot.heightM',
  price: 'plot.price',
  powerKva: 'plot.powerKva',
  note: 'plot.note',
} as const;

type Feature = ImportPreview['features'][number];

/**
 * The outline import: choose a file, see every feature with its mapped fields and problems, adjust
 * which attribute column is which field, and import when nothing is wrong (the server writes all
 * or nothing).
 */
export function PlotImportModal({ parkId, onClose }: { parkId: string; onClose: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const modalProps = usePhoneModalProps();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Record<string, string> | null>(null);
  const run = useImportPlots();

  const send = (f: File, m: Record<string, string> | null, apply: boolean) =>
    run.mutate(
      { parkId, file: f, mapping: m, apply },
      {
        onSuccess: (data) => {
          setPreview(data);
          setMapping(data.mapping);
          if (data.applied) {
            message.success(t('import.done', { n: data.created }));
            onClose();
          }
        },
        onError: (e) => message.error(errorText(e, pick)),
      },
    );

  const setColumn = (column: string, field: string | null) => {
    if (!file) return;
    const next = Object.fromEntries(
      Object.entries(mapping ?? {}).filter(([c, f]) => c !== column && (field === null || f !== field)),
    );
    if (field) next[column] = field;
    setMapping(next);
    send(file, next, false);
  };

  return (
    <Modal
      {...modalProps}
      open
      width={modalProps.width ?? 900}
      title={t('import.title')}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>✕</Button>
          <Button
            type="primary"
            data-testid="import-apply"
            disabled={!file || !preview || preview.errorCount > 0}
            loading={run.isPending}
            onClick={() => file && send(file, mapping, true)}
          >
            {t('import.apply')}
          </Button>
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert type="info" message={t('import.hint')} />
        <Upload
          accept=".geojson,.json,.kml,.kmz,.zip"
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            setMapping(null);
            send(f, null, false);
            return false;
          }}
          showUploadList={file ? { showRemoveIcon: false } : false}
        >
          <Button icon={<UploadOutlined />} data-testid="import-file">
            {t('import.pick')}
          </Button>
        </Upload>
        {preview && (
          <>
            <Table
              size="small"
              rowKey="column"
              pagination={false}
              title={() => t('import.mapping')}
              dataSource={preview.columns.map((column) => ({ column }))}
              columns={[
                { title: t('import.column'), dataIndex: 'column' },
                {
                  title: t('import.field'),
                  render: (_, r: { column: string }) => (
                    <Select
                      allowClear
                      style={{ minWidth: 180 }}
                      placeholder={t('import.unmapped')}
                      value={mapping?.[r.column] ?? null}
                      onChange={(v) => setColumn(r.column, v ?? null)}
                      options={PLOT_IMPORT_FIELDS.map((f) => ({ value: f, label: t(FIELD_LABEL_KEYS[f]) }))}
                    />
                  ),
                },
              ]}
            />
            {preview.errorCount > 0 ? (
              <Alert type="error" message={t('import.errorCount', { n: preview.errorCount })} />
            ) : (
              <Alert type="success" message={t('import.ready', { n: preview.features.length })} />
            )}
            <Table<Feature>
              size="small"
              rowKey="index"
              data-testid="import-preview"
              dataSource={preview.features}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              scroll={{ x: 700 }}
              columns={[
                { title: t('import.index'), dataIndex: 'index', width: 50 },
                { title: t('plot.code'), render: (_, f) => f.code ?? f.name ?? '—' },
                { title: t('plot.areaMu'), dataIndex: 'areaMu', align: 'right' },
                { title: t('import.outlineMu'), dataIndex: 'outlineMu', align: 'right' },
                {
                  title: t('plot.status'),
                  render: (_, f) => {
                    const label = f.status ? PLOT_STATUS_LABELS[f.status as PlotStatus] : undefined;
                    return label ? pick(label) : (f.status ?? '—');
                  },
                },
                {
                  title: t('import.errors'),
                  render: (_, f) =>
                    f.errors.length === 0 ? (
                      <Tag color="green">{t('import.ok')}</Tag>
                    ) : (
                      f.errors.map((e) => (
                        <Tag color="red" key={e.en} style={{ whiteSpace: 'normal' }}>
                          {pick(e)}
                        </Tag>
                      ))
                    ),
                },
              ]}
            />
          </>
        )}
      </Space>
    </Modal>
  );
}
