import { Alert, App, Form, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../../../lib/error-text';
import { useI18n } from '../../../locales/i18n-context';
import { type Department, useHeadCandidates, useSetDepartmentHead } from '../api/use-department-heads';

/**
 * Picks a department's head (负责人) among its department users and the zone's leaders (the server
 * offers and checks the same list). Clearing the choice unlinks the account; the imported head text
 * stays as it is.
 */
export function HeadPickerModal({ department, onClose }: { department: Department; onClose: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const candidates = useHeadCandidates(department.id);
  const save = useSetDepartmentHead();
  const [headUserId, setHeadUserId] = useState<string | null>(department.headUserId);
  const items = candidates.data?.items ?? [];
  const hasOwnUsers = items.some((c) => c.role === 'department');

  const handleSave = () =>
    save.mutate(
      { id: department.id, headUserId, version: department.version },
      {
        onSuccess: () => {
          message.success(t('departments.saved'));
          onClose();
        },
        onError: (error) => message.error(errorText(error, pick)),
      },
    );

  return (
    <Modal
      open
      title={t('departments.pickTitle', { name: department.name })}
      onCancel={onClose}
      onOk={handleSave}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'head-save' } as never}
    >
      <Form layout="vertical">
        <Form.Item label={t('departments.pickLabel')} extra={t('departments.pickHint')}>
          <Select
            data-testid="head-select"
            allowClear
            showSearch
            optionFilterProp="label"
            loading={candidates.isLoading}
            placeholder={t('departments.pickPlaceholder')}
            value={headUserId ?? undefined}
            onChange={(v: string | undefined) => setHeadUserId(v ?? null)}
            options={items.map((c) => ({
              value: c.id,
              label: `${c.displayName}（${t(`departments.role.${c.role}`)}）`,
            }))}
          />
        </Form.Item>
      </Form>
      {department.headName ? (
        <Typography.Paragraph type="secondary">
          {t('departments.headImported')}：{department.headName}
        </Typography.Paragraph>
      ) : null}
      {candidates.isSuccess && !hasOwnUsers ? (
        <Alert type="info" showIcon message={t('departments.noCandidates')} />
      ) : null}
    </Modal>
  );
}
