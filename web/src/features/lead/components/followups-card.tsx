import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  Modal,
  Select,
  Spin,
  Timeline,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { todayInShanghai } from '../../../../../shared/src/dates';
import { TEXT_LIMITS } from '../../../../../shared/src/text';
import { LoadErrorResult } from '../../../components/load-error-result';
import { errorText } from '../../../lib/error-text';
import { applyFieldErrors } from '../../../lib/form-errors';
import { usePhoneModalProps } from '../../../lib/use-is-phone';
import { useI18n } from '../../../locales/i18n-context';
import { FOLLOWUP_KINDS, type FollowupKind, useAddFollowup, useFollowups } from '../api/use-leads';

interface FollowupFormValues {
  kind: FollowupKind;
  date: Dayjs;
  people?: string;
  notes?: string;
}

const KIND_COLORS: Record<FollowupKind, string> = {
  visit: 'green',
  call: 'blue',
  meeting: 'purple',
  other: 'gray',
};

function AddFollowupModal({ leadId, onClose }: { leadId: string; onClose: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FollowupFormValues>();
  const add = useAddFollowup(leadId);
  const phoneModal = usePhoneModalProps();
  return (
    <Modal
      open
      {...phoneModal}
      title={t('followup.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={add.isPending}
      okButtonProps={{ 'data-testid': 'followup-submit' } as Record<string, string>}
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark="optional"
        data-testid="followup-form"
        initialValues={{ kind: 'visit', date: dayjs(todayInShanghai()) }}
        onFinish={(values) =>
          add.mutate(
            {
              kind: values.kind,
              date: values.date.format('YYYY-MM-DD'),
              people: values.people?.trim() || null,
              notes: values.notes?.trim() || null,
            },
            {
              onSuccess: () => {
                message.success(t('common.saved'));
                onClose();
              },
              onError: (error) => {
                if (!applyFieldErrors(form, error, pick)) message.error(errorText(error, pick));
              },
            },
          )
        }
      >
        <Form.Item name="kind" label={t('followup.kind')} rules={[{ required: true }]}>
          <Select options={FOLLOWUP_KINDS.map((value) => ({ value, label: t(`followup.kind.${value}`) }))} />
        </Form.Item>
        <Form.Item name="date" label={t('followup.date')} rules={[{ required: true }]}>
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(day) => day.isAfter(dayjs(todayInShanghai()), 'day')}
          />
        </Form.Item>
        <Form.Item name="people" label={t('followup.people')}>
          <Input maxLength={TEXT_LIMITS.short} placeholder={t('followup.peoplePlaceholder')} />
        </Form.Item>
        <Form.Item name="notes" label={t('followup.notes')}>
          <Input.TextArea rows={4} maxLength={TEXT_LIMITS.long} showCount data-testid="followup-notes" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 跟进记录: visits, calls and meetings on a lead, newest first. */
export function FollowupsCard({ leadId, canAdd }: { leadId: string; canAdd: boolean }) {
  const { t } = useI18n();
  const followups = useFollowups(leadId);
  const [adding, setAdding] = useState(false);
  const items = followups.data?.items ?? [];

  let body: ReactNode;
  if (followups.isPending) body = <Spin />;
  else if (followups.isError)
    body = <LoadErrorResult error={followups.error} onRetry={() => followups.refetch()} />;
  else if (items.length === 0)
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('followup.empty')} />;
  else
    body = (
      <Timeline
        items={items.map((item) => ({
          color: KIND_COLORS[item.kind],
          title: (
            <Typography.Text strong>
              {item.date} · {t(`followup.kind.${item.kind}`)}
            </Typography.Text>
          ),
          content: (
            <>
              {item.people ? <div>{t('followup.peopleLine', { people: item.people })}</div> : null}
              {item.notes ? (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                  {item.notes}
                </Typography.Paragraph>
              ) : null}
              {item.actorName ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('followup.by', { name: item.actorName })}
                </Typography.Text>
              ) : null}
            </>
          ),
        }))}
      />
    );

  return (
    <Card
      title={t('followup.title')}
      data-testid="followups"
      extra={
        canAdd ? (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="followup-add"
          >
            {t('followup.add')}
          </Button>
        ) : null
      }
    >
      {body}
      {adding ? <AddFollowupModal leadId={leadId} onClose={() => setAdding(false)} /> : null}
    </Card>
  );
}
