import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { downloadFile } from '../lib/api-client';
import { errorText } from '../lib/error-text';
import { useCan } from '../lib/use-me';
import { useI18n } from '../locales/i18n-context';

/** Download buttons for the dispatch report (.docx, .xlsx) of a round (default: the latest). */
export function ReportButtons({ roundId }: { roundId?: string }) {
  const { t, pick } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  if (!can('report.read')) return null;
  const get = async (ext: 'docx' | 'xlsx') => {
    setBusy(ext);
    try {
      await downloadFile(`/api/reports/dispatch.${ext}`, { roundId }, `dispatch-report.${ext}`);
    } catch (err) {
      message.error(errorText(err, pick));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Space>
      <Button
        icon={<FileWordOutlined />}
        loading={busy === 'docx'}
        onClick={() => get('docx')}
        data-testid="report-dispatch-docx"
      >
        {t('report.dispatchDocx')}
      </Button>
      <Button
        icon={<FileExcelOutlined />}
        loading={busy === 'xlsx'}
        onClick={() => get('xlsx')}
        data-testid="report-dispatch-xlsx"
      >
        {t('report.dispatchXlsx')}
      </Button>
    </Space>
  );
}
