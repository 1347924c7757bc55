import { App, Button, Card, Form, InputNumber, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { errorText } from '../../../lib/error-text';
import { useI18n } from '../../../locales/i18n-context';
import { type SiteNeedsValues, type Sites, useLeadSites, useReserveSite } from '../api/use-lead-sites';
import '../../../locales/park.messages';

type Site = Sites['items'][number];

/** 选址推荐: the available plots and vacant units that fit the lead, with reasons, and reserve (意向). */
export function LeadSitesCard({ leadId, canReserve }: { leadId: string; canReserve: boolean }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<SiteNeedsValues>();
  const [needs, setNeeds] = useState<SiteNeedsValues>({});
  const { data, isLoading } = useLeadSites(leadId, needs);
  const reserve = useReserveSite(leadId);

  return (
    <Card title={t('sites.title')} data-testid="lead-sites">
      <Form form={form} layout="inline" onFinish={(v) => setNeeds(v)} style={{ rowGap: 8, marginBottom: 12 }}>
        <Form.Item name="landMu" label={t('sites.landMu')}>
          <InputNumber min={0} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="buildingM2" label={t('sites.buildingM2')}>
          <InputNumber min={0} style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="powerKva" label={t('sites.powerKva')}>
          <InputNumber min={0} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="budget" label={t('sites.budget')}>
          <InputNumber min={0} style={{ width: 140 }} />
        </Form.Item>
        <Button htmlType="submit">{t('sites.search')}</Button>
      </Form>
      <Table<Site>
        rowKey={(s) => `${s.kind}:${s.id}`}
        size="small"
        loading={isLoading}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 5, hideOnSinglePage: true }}
        locale={{ emptyText: t('sites.empty') }}
        scroll={{ x: 600 }}
        columns={[
          {
            title: t('sites.place'),
            render: (_, s) => (
              <Space direction="vertical" size={0}>
                <span>{s.label}</span>
                <span style={{ color: '#8c8c8c' }}>
                  {s.parkName} · {s.areaMu !== null ? `${s.areaMu} 亩` : `${s.areaM2} m²`}
                </span>
              </Space>
            ),
          },
          { title: t('sites.score'), dataIndex: 'score', align: 'right', width: 70 },
          {
            title: t('sites.reasons'),
            render: (_, s) => (
              <Space size={[4, 4]} wrap>
                {s.reasons.map((r) => (
                  <Tag key={r.factor} color={r.points > 0 ? 'green' : undefined}>
                    {pick(r.text)} +{r.points}
                  </Tag>
                ))}
              </Space>
            ),
          },
          ...(canReserve
            ? [
                {
                  title: '',
                  width: 90,
                  render: (_: unknown, s: Site) => (
                    <Button
                      size="small"
                      loading={reserve.isPending && reserve.variables?.id === s.id}
                      onClick={() =>
                        reserve.mutate(
                          { kind: s.kind, id: s.id },
                          {
                            onSuccess: () => message.success(t('plot.reserved')),
                            onError: (e) => message.error(errorText(e, pick)),
                          },
                        )
                      }
                    >
                      {t('plot.reserve')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {(data?.reservations.length ?? 0) > 0 && (
        <>
          <h4 style={{ marginTop: 12 }}>{t('sites.reservations')}</h4>
          <Space wrap>
            {data?.reservations.map((r) => (
              <Tag key={r.id} color={r.status === 'active' ? 'gold' : undefined}>
                {r.parkName} {r.placeLabel}
                {r.status === 'released' ? ` · ${t('sites.released')}` : ''}
              </Tag>
            ))}
          </Space>
        </>
      )}
    </Card>
  );
}
