import { DownloadOutlined, FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { downloadFile, type RequestOptions } from '../lib/api-client';
import { errorText } from '../lib/error-text';
import { lazyComponent } from '../lib/lazy-component';
import { useI18n } from '../locales/i18n-context';
import type { ImportKind } from './import-modal';

// The import dialog (upload, preview table, result) loads when 导入 is pressed.
const ImportModal = lazyComponent(() => import('./import-modal').then((m) => m.ImportModal));

interface ExcelButtonsProps {
  kind: ImportKind;
  /** The list's current filters and sort, so the export holds what the user sees. */
  exportQuery: RequestOptions['query'];
  /** Import needs `import.run`; template and export are open to whoever sees the list. */
  canImport: boolean;
  /** Called after a successful import so the list reloads. */
  onImported?: () => void;
}

const EXPORT_PATHS: Record<ImportKind, string> = {
  firm: '/api/firms/export.xlsx',
  lead: '/api/leads/export.xlsx',
  project: '/api/projects/export.xlsx',
};

/** 下载模板 / 导入 / 导出 for a list page (contract: Excel section). */
export function ExcelButtons({ kind, exportQuery, canImport, onImported }: ExcelButtonsProps) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'template' | 'export' | null>(null);
  const [importing, setImporting] = useState(false);

  const handleDownload = async (what: 'template' | 'export') => {
    setBusy(what);
    try {
      if (what === 'template') {
        await downloadFile(
          '/api/import/template.xlsx',
          { kind },
          `${t(`excel.fileName.${kind}`)}-${t('excel.template')}.xlsx`,
        );
      } else {
        const { limit: _l, offset: _o, ...query } = exportQuery ?? {};
        await downloadFile(EXPORT_PATHS[kind], query, `${t(`excel.fileName.${kind}`)}.xlsx`);
      }
    } catch (error) {
      message.error(errorText(error, pick));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <Space wrap>
        {canImport ? (
          <>
            <Button
              icon={<FileExcelOutlined />}
              loading={busy === 'template'}
              onClick={() => handleDownload('template')}
              data-testid="template-button"
            >
              {t('excel.template')}
            </Button>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="import-button">
              {t('excel.import')}
            </Button>
          </>
        ) : null}
        <Button
          icon={<DownloadOutlined />}
          loading={busy === 'export'}
          onClick={() => handleDownload('export')}
          data-testid="export-button"
        >
          {t('excel.export')}
        </Button>
      </Space>
      {importing ? (
        <ImportModal kind={kind} onClose={() => setImporting(false)} onDone={() => onImported?.()} />
      ) : null}
    </>
  );
}
