import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Spin, Timeline, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { LoadErrorResult } from '../../../components/load-error-result';
import { lazyComponent } from '../../../lib/lazy-component';
import { useI18n } from '../../../locales/i18n-context';
import { type FollowupKind, useFollowups } from '../api/use-leads';

const KIND_COLORS: Record<FollowupKind, string> = {
  visit: 'green',
  call: 'blue',
  meeting: 'purple',
  other: 'gray',
};

// The dialog (form, date picker, upload) loads when first opened (lib/lazy-component.tsx).
const AddFollowupModal = lazyComponent(() => import('./add-followup-modal').then((m) => m.AddFollowupModal));

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
              {item.photos.length > 0 ? (
                <div
                  style={{ display: 'flex', flexWrap: 'wrap', gap: 6, margin: '6px 0' }}
                  data-testid="followup-photo-list"
                >
                  {item.photos.map((photo) => (
                    <a key={photo.id} href={`/api/attachments/${photo.id}`} target="_blank" rel="noreferrer">
                      <img
                        src={`/api/attachments/${photo.id}`}
                        alt={photo.fileName}
                        loading="lazy"
                        style={{ width: 72, height: 72, objectFit: 'cover', borderRadius: 6 }}
                      />
                    </a>
                  ))}
                </div>
              ) : null}
              {item.location ? (
                <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                  {t('followup.positionAt', { lat: item.location.lat, lng: item.location.lng })}
                </Typography.Text>
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
