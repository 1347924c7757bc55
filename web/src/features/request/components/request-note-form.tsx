import { Button, Form, Input } from 'antd';
import { useState } from 'react';
import { REQUEST_LIMITS } from '../../../../../shared/src/request-status';
import { useI18n } from '../../../locales/i18n-context';
import { useAddRequestNote } from '../api/use-requests';

/** A progress note under a request's timeline (`/requests/:id`). */
export function RequestNoteForm({ requestId }: { requestId: string }) {
  const { t } = useI18n();
  const addNote = useAddRequestNote(requestId);
  const [note, setNote] = useState('');
  return (
    <Form
      layout="vertical"
      onFinish={() => {
        if (!note.trim()) return;
        addNote.mutate(note.trim(), { onSuccess: () => setNote('') });
      }}
    >
      <Form.Item label={t('request.addNote')} style={{ marginBottom: 8 }}>
        <Input.TextArea
          rows={2}
          value={note}
          maxLength={REQUEST_LIMITS.noteMaxLength}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t('request.notePlaceholder')}
          data-testid="request-note-input"
        />
      </Form.Item>
      <Button htmlType="submit" loading={addNote.isPending} data-testid="request-note-submit">
        {t('common.save')}
      </Button>
    </Form>
  );
}
