import { FileWordOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { downloadFile } from '../../../lib/api-client';
import { errorText } from '../../../lib/error-text';
import { useI18n } from '../../../locales/i18n-context';

/** 任务书: downloads the campaign's tasks, units, timetable and roadmap as .docx (issue 15). */
export function TaskBookButton({ campaignId }: { campaignId: string }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      icon={<FileWordOutlined />}
      loading={busy}
      data-testid="campaign-task-book"
      onClick={async () => {
        setBusy(true);
        try {
          await downloadFile(`/api/campaigns/${campaignId}/task-book.docx`, undefined, 'task-book.docx');
        } catch (err) {
          message.error(errorText(err, pick));
        } finally {
          setBusy(false);
        }
      }}
    >
      {t('campaign.taskBook')}
    </Button>
  );
}
