import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  LAND_USE_CLASSES,
  PARK_KIND_LABELS,
  PARK_KINDS,
  type ParkKind,
  PLOT_STATUS_LABELS,
  PLOT_STATUSES,
  type PlotStatus,
  UNIT_STATUS_LABELS,
  UNIT_STATUSES,
  type UnitStatus,
} from '../../../../../shared/src/park';
import { FirmSelect } from '../../../components/firm-select';
import { useCan } from '../../../lib/use-me';
import { useI18n } from '../../../locales/i18n-context';
import { type Park, type Plot, type Unit, useChainOptions, useSavePlace } from '../api/use-parks';
import { numberOrNull, PlaceFormModal, textOrNull } from './place-form-modal';
import '../../../locales/park.messages';

/**
 * Create and edit forms for parks, plots and units (admin and officer: `park.write`). Figures are
 * never typed here — they are counted from plots and units. A plot's status moves only along its
 * status machine (the plot panel), so the edit form leaves it alone; a new plot may start anywhere.
 */

interface ParkValues {
  name: string;
  kind: ParkKind;
  chainIds: string[];
  operator?: string;
  contactName?: string;
  contactPhone?: string;
  address?: string;
  note?: string;
}

export function ParkFormModal({ park, onClose }: { park?: Park | undefined; onClose: () => void }) {
  const { t, pick } = useI18n();
  const can = useCan();
  const [form] = Form.useForm<ParkValues>();
  const chains = useChainOptions(can('chain.read'));
  const save = useSavePlace<Park>('parks');
  return (
    <PlaceFormModal<ParkValues>
      title={park ? t('park.edit') : t('park.create')}
      testId="park-form"
      form={form}
      saving={save.isPending}
      onClose={onClose}
      initialValues={{
        name: park?.name,
        kind: park?.kind ?? 'industrial',
        chainIds: park?.chains.map((c) => c.id) ?? [],
        operator: park?.operator ?? undefined,
        contactName: park?.contactName ?? undefined,
        contactPhone: park?.contactPhone ?? undefined,
        address: park?.address ?? undefined,
        note: park?.note ?? undefined,
      }}
      onSave={(v) =>
        save.mutateAsync({
          id: park?.id,
          body: {
            ...(park ? { version: park.version } : {}),
            name: v.name.trim(),
            kind: v.kind,
            chainIds: v.chainIds,
            operator: textOrNull(v.operator),
            contactName: textOrNull(v.contactName),
            contactPhone: textOrNull(v.contactPhone),
            address: textOrNull(v.address),
            note: textOrNull(v.note),
          },
        })
      }
    >
      <Form.Item name="name" label={t('park.name')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="kind" label={t('park.kind')} rules={[{ required: true }]}>
        <Select options={PARK_KINDS.map((k) => ({ value: k, label: pick(PARK_KIND_LABELS[k]) }))} />
      </Form.Item>
      <Form.Item name="chainIds" label={t('park.chains')}>
        <Select
          mode="multiple"
          options={(chains.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
      </Form.Item>
      <Form.Item name="operator" label={t('park.operator')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="contactName" label={t('park.contactName')}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="contactPhone" label={t('park.contactPhone')}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="address" label={t('park.address')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="note" label={t('plot.note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </PlaceFormModal>
  );
}

interface PlotValues {
  code: string;
  areaMu: number;
  status: PlotStatus;
  landUse?: string | null;
  plotRatio?: number | null;
  heightM?: number | null;
  price?: number | null;
  powerKva?: number | null;
  minInvestmentPerMu?: number | null;
  minTaxPerMu?: number | null;
  maxEnergyPerOutput?: number | null;
  note?: string;
}

export function PlotFormModal({
  parkId,
  plot,
  onClose,
}: {
  parkId: string;
  plot?: Plot | undefined;
  onClose: () => void;
}) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<PlotValues>();
  const save = useSavePlace<Plot>('plots');
  const num = (name: keyof PlotValues, label: string, max?: number) => (
    <Form.Item name={name} label={label}>
      <InputNumber min={0} max={max} style={{ width: '100%' }} />
    </Form.Item>
  );
  return (
    <PlaceFormModal<PlotValues>
      title={plot ? t('plot.edit') : t('plot.create')}
      testId="plot-form"
      form={form}
      saving={save.isPending}
      onClose={onClose}
      initialValues={{
        code: plot?.code,
        areaMu: plot?.areaMu,
        status: plot?.status ?? 'stock',
        landUse: plot?.landUse ?? null,
        plotRatio: plot?.plotRatio ?? null,
        heightM: plot?.heightM ?? null,
        price: plot?.price ?? null,
        powerKva: plot?.powerKva ?? null,
        minInvestmentPerMu: plot?.minInvestmentPerMu ?? null,
        minTaxPerMu: plot?.minTaxPerMu ?? null,
        maxEnergyPerOutput: plot?.maxEnergyPerOutput ?? null,
        note: plot?.note ?? undefined,
      }}
      onSave={(v) =>
        save.mutateAsync({
          id: plot?.id,
          body: {
            ...(plot ? { version: plot.version } : { parkId, status: v.status }),
            code: v.code.trim(),
            areaMu: v.areaMu,
            landUse: v.landUse ?? null,
            plotRatio: numberOrNull(v.plotRatio),
            heightM: numberOrNull(v.heightM),
            price: numberOrNull(v.price),
            powerKva: numberOrNull(v.powerKva),
            minInvestmentPerMu: numberOrNull(v.minInvestmentPerMu),
            minTaxPerMu: numberOrNull(v.minTaxPerMu),
            maxEnergyPerOutput: numberOrNull(v.maxEnergyPerOutput),
            note: textOrNull(v.note),
          },
        })
      }
    >
      <Form.Item name="code" label={t('plot.code')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="areaMu" label={t('plot.areaMu')} rules={[{ required: true }]}>
        <InputNumber min={0.01} style={{ width: '100%' }} />
      </Form.Item>
      {!plot && (
        <Form.Item name="status" label={t('plot.status')}>
          <Select options={PLOT_STATUSES.map((s) => ({ value: s, label: pick(PLOT_STATUS_LABELS[s]) }))} />
        </Form.Item>
      )}
      <Form.Item name="landUse" label={t('plot.landUse')}>
        <Select
          allowClear
          options={Object.entries(LAND_USE_CLASSES).map(([code, label]) => ({
            value: code,
            label: `${code} ${pick(label)}`,
          }))}
        />
      </Form.Item>
      {num('plotRatio', t('plot.plotRatio'), 100)}
      {num('heightM', t('plot.heightM'), 1000)}
      {num('price', t('plot.price'))}
      {num('powerKva', t('plot.powerKva'))}
      {num('minInvestmentPerMu', t('plot.minInvestmentPerMu'))}
      {num('minTaxPerMu', t('plot.minTaxPerMu'))}
      {num('maxEnergyPerOutput', t('plot.maxEnergyPerOutput'), 1000)}
      <Form.Item name="note" label={t('plot.note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </PlaceFormModal>
  );
}

interface UnitValues {
  building: string;
  floor: number;
  unitNo: string;
  areaM2: number;
  loadKnM2?: number | null;
  craneT?: number | null;
  status: UnitStatus;
  firmId?: string | null;
  lease?: [Dayjs | null, Dayjs | null] | null;
  note?: string;
}

export function UnitFormModal({
  parkId,
  unit,
  onClose,
}: {
  parkId: string;
  unit?: Unit | undefined;
  onClose: () => void;
}) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<UnitValues>();
  const save = useSavePlace<Unit>('units');
  const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
  return (
    <PlaceFormModal<UnitValues>
      title={unit ? t('unit.edit') : t('unit.create')}
      testId="unit-form"
      form={form}
      saving={save.isPending}
      onClose={onClose}
      initialValues={{
        building: unit?.building,
        floor: unit?.floor ?? 1,
        unitNo: unit?.unitNo,
        areaM2: unit?.areaM2,
        loadKnM2: unit?.loadKnM2 ?? null,
        craneT: unit?.craneT ?? null,
        status: unit?.status ?? 'vacant',
        firmId: unit?.firm?.id ?? null,
        lease: unit?.leaseStart
          ? [dayjs(unit.leaseStart), unit.leaseEnd ? dayjs(unit.leaseEnd) : null]
          : null,
        note: unit?.note ?? undefined,
      }}
      onSave={(v) =>
        save.mutateAsync({
          id: unit?.id,
          body: {
            ...(unit
              ? { version: unit.version }
              : { parkId, building: v.building.trim(), floor: v.floor, unitNo: v.unitNo.trim() }),
            areaM2: v.areaM2,
            loadKnM2: numberOrNull(v.loadKnM2),
            craneT: numberOrNull(v.craneT),
            status: v.status,
            firmId: v.firmId ?? null,
            leaseStart: day(v.lease?.[0]),
            leaseEnd: day(v.lease?.[1]),
            note: textOrNull(v.note),
          },
        })
      }
    >
      <Form.Item name="building" label={t('unit.building')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={200} disabled={unit !== undefined} />
      </Form.Item>
      <Form.Item name="floor" label={t('unit.floor')} rules={[{ required: true }]}>
        <InputNumber min={-5} max={200} precision={0} disabled={unit !== undefined} />
      </Form.Item>
      <Form.Item name="unitNo" label={t('unit.unitNo')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={200} disabled={unit !== undefined} />
      </Form.Item>
      <Form.Item name="areaM2" label={t('unit.areaM2')} rules={[{ required: true }]}>
        <InputNumber min={1} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="loadKnM2" label={t('unit.load')}>
        <InputNumber min={0} max={1000} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="craneT" label={t('unit.crane')}>
        <InputNumber min={0} max={1000} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="status" label={t('unit.status')}>
        <Select options={UNIT_STATUSES.map((s) => ({ value: s, label: pick(UNIT_STATUS_LABELS[s]) }))} />
      </Form.Item>
      <Form.Item name="firmId" label={t('unit.firm')}>
        <FirmSelect allowClear initialLabel={unit?.firm?.name ?? null} />
      </Form.Item>
      <Form.Item name="lease" label={t('unit.lease')}>
        <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="note" label={t('plot.note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </PlaceFormModal>
  );
}
