import { FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Upload } from 'antd';
import { useState } from 'react';
import { downloadFile } from '../../../lib/api-client';
import { errorText } from '../../../lib/error-text';
import { useI18n } from '../../../locales/i18n-context';
import { type ActualImportResult, useImportActuals } from '../api/use-agreement-views';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Saves the refused upload with its 错误 column (the answer carries it as base64). */
function saveErrorFile(base64: string, name: string) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: XLSX_MIME }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** 下载模板 / 导入统计表 of actual figures: all or nothing, the refused rows listed with an error file. */
export function ActualImportButton() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const importActuals = useImportActuals();
  const [result, setResult] = useState<ActualImportResult | null>(null);

  const template = async () => {
    try {
      await downloadFile('/api/actuals/template.xlsx', undefined, `${t('compliance.importTemplate')}.xlsx`);
    } catch (error) {
      message.error(errorText(error, pick));
    }
  };

  const upload = async (file: File) => {
    try {
      const answer = await importActuals.mutateAsync(file);
      setResult(answer);
      if (answer.ok) message.success(t('compliance.importDone', { count: answer.imported }));
    } catch (error) {
      message.error(errorText(error, pick));
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button icon={<FileExcelOutlined />} onClick={template}>
          {t('compliance.importTemplate')}
        </Button>
        <Upload
          accept=".xlsx"
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={importActuals.isPending} data-testid="actual-import">
            {t('compliance.import')}
          </Button>
        </Upload>
      </Space>
      {result && !result.ok ? (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setResult(null)}
          data-testid="actual-import-errors"
          message={t('compliance.importRefused', { count: result.errorCount })}
          description={
            <Space direction="vertical">
              {result.errors.slice(0, 10).map((e) => (
                <span key={`${e.row}-${e.message}`}>
                  {t('compliance.row', { row: e.row })}: {e.message}
                </span>
              ))}
              {result.errorFile ? (
                <Button
                  size="small"
                  onClick={() => saveErrorFile(result.errorFile ?? '', `${t('compliance.errorFile')}.xlsx`)}
                >
                  {t('compliance.errorFile')}
                </Button>
              ) : null}
            </Space>
          }
        />
      ) : null}
    </Space>
  );
}
