import { PlusOutlined } from '@ant-design/icons';
import { App, Checkbox, DatePicker, Form, Input, Modal, Select, Upload, type UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { todayInShanghai } from '../../../../../shared/src/dates';
import { TEXT_LIMITS } from '../../../../../shared/src/text';
import { errorText } from '../../../lib/error-text';
import { fileToBase64 } from '../../../lib/file-base64';
import { applyFieldErrors } from '../../../lib/form-errors';
import { resizePhoto } from '../../../lib/photo-resize';
import { usePhoneModalProps } from '../../../lib/use-is-phone';
import { useI18n } from '../../../locales/i18n-context';
import { FOLLOWUP_KINDS, type FollowupKind, useAddFollowup } from '../api/use-leads';

/** Site photos per visit (the server's FOLLOWUP_MAX_PHOTOS). */
const MAX_PHOTOS = 6;

type Position = { lat: number; lng: number };
type PositionState =
  | { state: 'off' }
  | { state: 'asking' }
  | { state: 'on'; at: Position }
  | { state: 'denied' };

/** Asks the browser for the phone's position once; the officer chose to attach it. */
function askPosition(): Promise<Position> {
  return new Promise((resolve, reject) => {
    if (!navigator.geolocation) {
      reject(new Error('no geolocation'));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (p) =>
        resolve({ lat: Number(p.coords.latitude.toFixed(6)), lng: Number(p.coords.longitude.toFixed(6)) }),
      reject,
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  });
}

interface FollowupFormValues {
  kind: FollowupKind;
  date: Dayjs;
  people?: string;
  notes?: string;
}

/** 添加跟进: a visit, call or meeting, with site photos and, when ticked, the phone's position. */
export function AddFollowupModal({ leadId, onClose }: { leadId: string; onClose: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FollowupFormValues>();
  const add = useAddFollowup(leadId);
  const phoneModal = usePhoneModalProps();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [position, setPosition] = useState<PositionState>({ state: 'off' });
  const [preparing, setPreparing] = useState(false);

  const togglePosition = (on: boolean) => {
    if (!on) {
      setPosition({ state: 'off' });
      return;
    }
    setPosition({ state: 'asking' });
    askPosition().then(
      (at) => setPosition({ state: 'on', at }),
      () => setPosition({ state: 'denied' }),
    );
  };

  const save = async (values: FollowupFormValues) => {
    setPreparing(true);
    let photos: Array<{ fileName: string; contentBase64: string }>;
    try {
      // Resized in the browser (long edge ≤ 2048 px, EXIF and so its position dropped) before upload.
      photos = await Promise.all(
        files.map(async (f) => {
          const photo = await resizePhoto(f.originFileObj as File);
          return { fileName: photo.name, contentBase64: await fileToBase64(photo) };
        }),
      );
    } finally {
      setPreparing(false);
    }
    add.mutate(
      {
        kind: values.kind,
        date: values.date.format('YYYY-MM-DD'),
        people: values.people?.trim() || null,
        notes: values.notes?.trim() || null,
        photos,
        location: position.state === 'on' ? position.at : null,
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
    );
  };
  return (
    <Modal
      open
      {...phoneModal}
      title={t('followup.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={add.isPending || preparing}
      okButtonProps={{ 'data-testid': 'followup-submit' } as Record<string, string>}
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark="optional"
        data-testid="followup-form"
        initialValues={{ kind: 'visit', date: dayjs(todayInShanghai()) }}
        onFinish={(values) => void save(values)}
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
        <Form.Item label={t('followup.photos')}>
          <Upload
            listType="picture-card"
            accept="image/png,image/jpeg"
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList.slice(0, MAX_PHOTOS))}
            data-testid="followup-photos"
          >
            {files.length < MAX_PHOTOS ? (
              <div>
                <PlusOutlined />
                <div>{t('followup.addPhoto')}</div>
              </div>
            ) : null}
          </Upload>
        </Form.Item>
        <Form.Item
          extra={
            position.state === 'on'
              ? t('followup.positionAt', { lat: position.at.lat, lng: position.at.lng })
              : position.state === 'denied'
                ? t('followup.positionDenied')
                : t('followup.positionHint')
          }
        >
          <Checkbox
            checked={position.state === 'on' || position.state === 'asking'}
            disabled={position.state === 'asking'}
            onChange={(e) => togglePosition(e.target.checked)}
            data-testid="followup-position"
          >
            {t('followup.attachPosition')}
          </Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
