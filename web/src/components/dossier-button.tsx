import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { downloadFile } from '../lib/api-client';
import { errorText } from '../lib/error-text';
import { useI18n } from '../locales/i18n-context';

/**
 * 一项目一档: downloads the project dossier (.docx), and opens its printable page (the browser's
 * print dialog saves it as PDF).
 */
export function DossierButton({ projectId }: { projectId: string }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  return (
    <Space.Compact>
      <Button
        icon={<FileWordOutlined />}
        loading={busy}
        data-testid="project-dossier"
        onClick={async () => {
          setBusy(true);
          try {
            await downloadFile(`/api/projects/${projectId}/dossier.docx`, undefined, 'dossier.docx');
          } catch (err) {
            message.error(errorText(err, pick));
          } finally {
            setBusy(false);
          }
        }}
      >
        {t('report.dossier')}
      </Button>
      <Button
        icon={<FilePdfOutlined />}
        onClick={() => navigate(`/projects/${projectId}/dossier`)}
        data-testid="project-dossier-print"
      >
        {t('dossier.open')}
      </Button>
    </Space.Compact>
  );
}
