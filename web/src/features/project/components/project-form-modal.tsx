import { Alert, App, Form, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { moneyToYuan, yuanToMoneyText } from '../../../components/money-input';
import { ApiError } from '../../../lib/api-client';
import { errorText } from '../../../lib/error-text';
import { applyFieldErrors } from '../../../lib/form-errors';
import { useI18n } from '../../../locales/i18n-context';
import {
  type Project,
  type ProjectInput,
  type ProjectPriority,
  useCreateProject,
  useUpdateProject,
} from '../api/use-projects';
import { ProjectFormFields } from './project-form-fields';

type MoneyKey =
  | 'totalInvestment'
  | 'fixedAssetInvestment'
  | 'fundsInPlace'
  | 'expectedOutput'
  | 'expectedTax'
  | 'expectedExports';
const MONEY_KEYS: MoneyKey[] = [
  'totalInvestment',
  'fixedAssetInvestment',
  'fundsInPlace',
  'expectedOutput',
  'expectedTax',
  'expectedExports',
];

type ProjectFormValues = { [K in MoneyKey]?: string } & {
  name: string;
  priority?: ProjectPriority | null;
  park?: string;
  parkId?: string | null;
  chainLink?: string;
  linkId?: string | null;
  landMu?: number | null;
  startDate?: Dayjs | null;
  investors?: { firmId?: string; sharePct?: number | null }[];
  companyFirmId?: string | null;
  expectedJobs?: number | null;
  capacityQuantity?: number | null;
  capacityUnit?: string;
  capacityProduct?: string;
  officerId?: string | null;
  leaderName?: string;
  contactName?: string;
  contactPhone?: string;
};

const text = (value: string | undefined | null) => (value?.trim() ? value.trim() : null);

function toInput(values: ProjectFormValues): ProjectInput & { name: string } {
  const input: ProjectInput & { name: string } = {
    name: values.name.trim(),
    priority: values.priority ?? null,
    park: text(values.park),
    parkId: values.parkId ?? null,
    chainLink: text(values.chainLink),
    linkId: values.linkId ?? null,
    landMu: values.landMu ?? null,
    startDate: values.startDate ? values.startDate.format('YYYY-MM-DD') : null,
    investors: (values.investors ?? [])
      .filter((investor): investor is { firmId: string; sharePct?: number | null } => !!investor.firmId)
      .map((investor) => ({ firmId: investor.firmId, sharePct: investor.sharePct ?? null })),
    companyFirmId: values.companyFirmId ?? null,
    expectedJobs: values.expectedJobs ?? null,
    capacityQuantity: values.capacityQuantity ?? null,
    capacityUnit: text(values.capacityUnit),
    capacityProduct: text(values.capacityProduct),
    leaderName: text(values.leaderName),
    contactName: text(values.contactName),
    contactPhone: text(values.contactPhone),
  };
  for (const key of MONEY_KEYS) input[key] = moneyToYuan(values[key]);
  if (values.officerId !== undefined) input.officerId = values.officerId;
  return input;
}

/** Only what changed goes to PATCH (investors compared without the names the server adds). */
function changedOnly(project: Project, input: ProjectInput): ProjectInput {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const before =
      key === 'investors'
        ? project.investors.map((investor) => ({ firmId: investor.firmId, sharePct: investor.sharePct }))
        : key === 'companyFirmId'
          ? (project.company?.firmId ?? null)
          : key === 'parkId'
            ? (project.parkRef?.id ?? null)
            : (project[key as keyof Project] ?? null);
    if (JSON.stringify(value) !== JSON.stringify(before)) out[key] = value;
  }
  return out as ProjectInput;
}

function initialValues(project: Project | undefined, withOfficer: boolean): Partial<ProjectFormValues> {
  if (!project) return { investors: [] };
  const values: Partial<ProjectFormValues> = {
    name: project.name,
    priority: project.priority,
    park: project.park ?? undefined,
    parkId: project.parkRef?.id ?? null,
    chainLink: project.chainLink ?? undefined,
    linkId: project.linkId,
    landMu: project.landMu,
    startDate: project.startDate ? dayjs(project.startDate) : null,
    investors: project.investors.map((investor) => ({
      firmId: investor.firmId,
      sharePct: investor.sharePct,
    })),
    companyFirmId: project.company?.firmId ?? null,
    expectedJobs: project.expectedJobs,
    capacityQuantity: project.capacityQuantity,
    capacityUnit: project.capacityUnit ?? undefined,
    capacityProduct: project.capacityProduct ?? undefined,
    leaderName: project.leaderName ?? undefined,
    contactName: project.contactName ?? undefined,
    contactPhone: project.contactPhone ?? undefined,
    ...(withOfficer ? { officerId: project.officerId } : {}),
  };
  for (const key of MONEY_KEYS) values[key] = yuanToMoneyText(project[key]);
  return values;
}

interface ProjectFormModalProps {
  project?: Project;
  officerOptions: { value: string; label: string }[];
  /** Leaders' display names for the 包保领导 field. */
  leaderNames?: string[];
  onClose: () => void;
  onSaved?: (project: Project) => void;
}

/** Create or edit a project's file (一项目一档); the stage moves through its own action. */
export function ProjectFormModal({
  project,
  officerOptions,
  leaderNames = [],
  onClose,
  onSaved,
}: ProjectFormModalProps) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProjectFormValues>();
  const createProject = useCreateProject();
  const updateProject = useUpdateProject();
  const mutation = project ? updateProject : createProject;
  const conflict =
    updateProject.error instanceof ApiError && updateProject.error.status === 409
      ? updateProject.error
      : null;

  const handlers = {
    onSuccess: (saved: Project) => {
      message.success(project ? t('common.saved') : t('project.created'));
      onClose();
      onSaved?.(saved);
    },
    onError: (error: unknown) => {
      if (error instanceof ApiError && error.status === 409) return;
      if (!applyFieldErrors(form, error, pick)) message.error(errorText(error, pick));
    },
  };

  const handleFinish = (values: ProjectFormValues) => {
    const input = toInput(values);
    if (project) {
      updateProject.mutate(
        { id: project.id, input: { ...changedOnly(project, input), version: project.version } },
        handlers,
      );
    } else {
      createProject.mutate(input, handlers);
    }
  };

  return (
    <Modal
      open
      title={project ? t('project.edit') : t('project.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'project-submit' } as Record<string, string>}
      width={920}
    >
      {conflict ? (
        <Alert type="warning" showIcon title={pick(conflict.text)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        requiredMark="optional"
        onFinish={handleFinish}
        initialValues={initialValues(project, officerOptions.length > 0)}
        data-testid="project-form"
      >
        <ProjectFormFields
          officerOptions={officerOptions}
          leaderNames={leaderNames}
          officerName={project?.officerName ?? null}
          chainLinkText={project?.chainLink ?? null}
          investors={project?.investors ?? []}
          companyName={project?.company?.firmName ?? null}
        />
      </Form>
    </Modal>
  );
}
