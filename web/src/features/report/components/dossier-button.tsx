import { FileWordOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { downloadFile } from '../../../lib/api-client';
import { errorText } from '../../../lib/error-text';
import { useI18n } from '../../../locales/i18n-context';

/** 一项目一档: downloads the project dossier (.docx). */
export function DossierButton({ projectId }: { projectId: string }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
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
  );
}
