import { Alert, App, Form, Input, Modal } from 'antd';
import { CLOSING_GAP_LABELS } from '../../../../../shared/src/closing';
import { ApiError } from '../../../lib/api-client';
import { useI18n } from '../../../locales/i18n-context';
import { type ProblemItem, useDecideProblemItem, useProposeProblemItem } from '../api/use-problems';

/**
 * 申请销号 (the unit) and 退回 (the 督查室) for one problem item (decision 013). Verifying needs no
 * form: the page asks for a plain confirmation.
 */
export function ProposeItemModal({
  listId,
  item,
  onClose,
}: {
  listId: string;
  item: ProblemItem;
  onClose: () => void;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ evidence: string }>();
  const propose = useProposeProblemItem(listId);
  return (
    <Modal
      open
      title={t('problem.proposeTitle')}
      onOk={() => form.submit()}
      onCancel={onClose}
      okText={t('problem.proposeItem')}
      cancelText={t('common.cancel')}
      confirmLoading={propose.isPending}
      okButtonProps={{ 'data-testid': 'problem-propose-submit' } as Record<string, string>}
    >
      <p>
        {item.position}. {item.problem}
      </p>
      {item.closingGaps.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('problem.evidenceNeeded')}
          description={item.closingGaps.map((g) => pick(CLOSING_GAP_LABELS[g])).join('；')}
        />
      ) : null}
      {item.returnReason ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('problem.returnedBecause', { reason: item.returnReason })}
        />
      ) : null}
      {propose.error instanceof ApiError ? (
        <Alert type="error" showIcon title={pick(propose.error.text)} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          propose.mutate(
            { itemId: item.id, evidence: v.evidence.trim(), version: item.version },
            {
              onSuccess: () => {
                message.success(t('problem.proposed'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item name="evidence" label={t('sup.evidence')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={4000} data-testid="problem-propose-evidence" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function DecideItemModal({
  listId,
  item,
  decision,
  onClose,
}: {
  listId: string;
  item: ProblemItem;
  decision: 'verify' | 'return';
  onClose: () => void;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason?: string }>();
  const decide = useDecideProblemItem(listId);
  return (
    <Modal
      open
      title={decision === 'verify' ? t('problem.verifyTitle') : t('problem.returnTitle')}
      onOk={() => form.submit()}
      onCancel={onClose}
      okText={decision === 'verify' ? t('problem.verify') : t('problem.return')}
      cancelText={t('common.cancel')}
      confirmLoading={decide.isPending}
      okButtonProps={{ 'data-testid': 'problem-decide-submit' } as Record<string, string>}
    >
      <p>
        {item.position}. {item.problem}
      </p>
      <p>
        {t('sup.evidence')}：{item.evidence}
        {item.evidenceLink ? `（${t('problem.linkedRecord')}：${item.evidenceLink.label}）` : ''}
      </p>
      {decide.error instanceof ApiError ? (
        <Alert type="error" showIcon title={pick(decide.error.text)} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          decide.mutate(
            {
              itemId: item.id,
              decision,
              ...(v.reason ? { reason: v.reason.trim() } : {}),
              version: item.version,
            },
            {
              onSuccess: () => {
                message.success(decision === 'verify' ? t('problem.verified') : t('problem.returned'));
                onClose();
              },
            },
          )
        }
      >
        {decision === 'return' ? (
          <Form.Item
            name="reason"
            label={t('problem.returnReason')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input.TextArea rows={3} maxLength={1000} data-testid="problem-return-reason" />
          </Form.Item>
        ) : (
          <p>{t('problem.verifyHint')}</p>
        )}
      </Form>
    </Modal>
  );
}
