import { Checkbox, Flex, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { PROJECT_STAGES, type ProjectStage } from '../../../../../shared/src/project-stage';
import { TEXT_LIMITS } from '../../../../../shared/src/text';
import { ChainLinkSelect } from '../../../components/chain-link-select';
import { MoneyInput, moneyToYuan, yuanToMoneyText } from '../../../components/money-input';
import { OfficerSelect } from '../../../components/officer-select';
import { useCan } from '../../../lib/use-me';
import { useI18n } from '../../../locales/i18n-context';
import { PROJECT_PRIORITIES, type ProjectFilters, type ProjectPriority } from '../api/use-projects';

interface ProjectFilterBarProps {
  filters: ProjectFilters;
  onChange: (patch: Partial<ProjectFilters>) => void;
  officerOptions: { value: string; label: string }[];
  /** The signed-in officer, for "my projects" when there is no officer list to pick from. */
  myId: string | null;
}

/** Amount bound typed as 1亿 / 5000万; applied on Enter or leaving the box. */
function AmountBound({
  value,
  onApply,
  placeholder,
  testId,
}: {
  value: number | undefined;
  onApply: (yuan: number | undefined) => void;
  placeholder: string;
  testId: string;
}) {
  const [text, setText] = useState(yuanToMoneyText(value));
  const apply = () => {
    const yuan = moneyToYuan(text);
    if (yuan !== (value ?? null)) onApply(yuan ?? undefined);
  };
  return (
    <MoneyInput
      value={text}
      onChange={(next) => {
        setText(next);
        if (!next) onApply(undefined);
      }}
      onPressEnter={apply}
      onBlur={apply}
      placeholder={placeholder}
      style={{ width: 170 }}
      data-testid={testId}
    />
  );
}

/** The project list's filters: search, stage, chain link, park, priority, officer, late, amount range. */
export function ProjectFilterBar({ filters, onChange, officerOptions, myId }: ProjectFilterBarProps) {
  const { t, pick } = useI18n();
  const can = useCan();
  const stages = filters.stage ? (filters.stage.split(',') as ProjectStage[]) : [];
  return (
    <Flex gap={12} wrap style={{ marginBottom: 16 }}>
      <Input.Search
        allowClear
        placeholder={t('project.searchPlaceholder')}
        style={{ width: 240 }}
        maxLength={TEXT_LIMITS.short}
        onSearch={(value) => onChange({ q: value.trim() || undefined })}
        data-testid="projects-search"
      />
      <Select<ProjectStage[]>
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={`${t('project.stage')}: ${t('common.all')}`}
        style={{ width: 260 }}
        value={stages}
        onChange={(value) => onChange({ stage: value.length ? value.join(',') : undefined })}
        options={PROJECT_STAGES.map((stage) => ({ value: stage.key, label: pick(stage) }))}
        data-testid="projects-stage-filter"
      />
      {can('chain.read') ? (
        <ChainLinkSelect
          value={filters.linkId ?? null}
          onChange={(linkId) => onChange({ linkId: linkId ?? undefined })}
          placeholder={`${t('pipeline.chainLink')}: ${t('common.all')}`}
          style={{ width: 220 }}
          data-testid="projects-link-filter"
        />
      ) : (
        <Input.Search
          allowClear
          placeholder={t('pipeline.chainLink')}
          style={{ width: 150 }}
          maxLength={TEXT_LIMITS.short}
          onSearch={(value) => onChange({ chainLink: value.trim() || undefined })}
        />
      )}
      <Input.Search
        allowClear
        placeholder={t('project.park')}
        style={{ width: 170 }}
        maxLength={TEXT_LIMITS.short}
        onSearch={(value) => onChange({ park: value.trim() || undefined })}
      />
      <Select<ProjectPriority>
        allowClear
        placeholder={`${t('project.priorityLabel')}: ${t('common.all')}`}
        style={{ width: 150 }}
        value={filters.priority}
        onChange={(value) => onChange({ priority: value })}
        options={PROJECT_PRIORITIES.map((value) => ({ value, label: t(`project.priority.${value}`) }))}
      />
      {officerOptions.length > 0 ? (
        <OfficerSelect
          options={officerOptions}
          value={filters.officerId}
          onChange={(officerId) => onChange({ officerId })}
          placeholder={`${t('pipeline.officer')}: ${t('common.all')}`}
          style={{ width: 150 }}
        />
      ) : null}
      {myId ? (
        <Checkbox
          checked={filters.officerId === myId}
          onChange={(event) => onChange({ officerId: event.target.checked ? myId : undefined })}
          style={{ alignSelf: 'center' }}
          data-testid="projects-mine-filter"
        >
          {t('project.mineOnly')}
        </Checkbox>
      ) : null}
      <Checkbox
        checked={filters.late ?? false}
        onChange={(event) => onChange({ late: event.target.checked || undefined })}
        style={{ alignSelf: 'center' }}
        data-testid="projects-late-filter"
      >
        {t('project.lateOnly')}
      </Checkbox>
      <Space size={4} align="center">
        <Typography.Text type="secondary">{t('project.totalInvestment')}</Typography.Text>
        <AmountBound
          value={filters.minInvestment}
          onApply={(minInvestment) => onChange({ minInvestment })}
          placeholder={t('project.minInvestment')}
          testId="projects-min-investment"
        />
        <span>–</span>
        <AmountBound
          value={filters.maxInvestment}
          onApply={(maxInvestment) => onChange({ maxInvestment })}
          placeholder={t('project.maxInvestment')}
          testId="projects-max-investment"
        />
      </Space>
    </Flex>
  );
}
