import { CloudUploadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../locales/i18n-context';
import { BulkImportModal } from './bulk-import-modal';
import './bulk-import-messages';

interface BulkImportButtonProps {
  /** Called when a bulk run has written firms, so the list reloads. */
  onWritten: () => void;
}

/** 批量导入（大文件） next to the Excel buttons; the page shows it only with `import.run`. */
export function BulkImportButton({ onWritten }: BulkImportButtonProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<CloudUploadOutlined />} onClick={() => setOpen(true)} data-testid="bulk-import-button">
        {t('bulk.open')}
      </Button>
      {open ? <BulkImportModal onClose={() => setOpen(false)} onWritten={onWritten} /> : null}
    </>
  );
}
