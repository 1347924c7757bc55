import { SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm } from 'antd';
import { SOURCED_PROJECT_FIGURES } from '../../../../../shared/src/figure-source';
import { useI18n } from '../../../locales/i18n-context';
import { type Project, useVerifyFigures } from '../api/use-projects';

/**
 * 核实: the project's officer confirms every figure that has a value and is not verified yet; each
 * then shows 核实 until a new value is written (docs/glossary.md "Provenance").
 */
export function VerifyFiguresButton({ project }: { project: Project }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const verify = useVerifyFigures(project.id);
  const figures = SOURCED_PROJECT_FIGURES.filter((f) => {
    const p = project.figureSources[f];
    return p !== null && p.source !== 'verified';
  });
  if (figures.length === 0) return null;
  return (
    <Popconfirm
      title={t('kpi.verify')}
      description={<div style={{ maxWidth: 280 }}>{t('kpi.verifyConfirm')}</div>}
      onConfirm={() =>
        verify.mutateAsync({ figures }).then(
          () => message.success(t('kpi.verified')),
          (err: Error) => message.error(err.message),
        )
      }
    >
      <Button
        size="small"
        icon={<SafetyCertificateOutlined />}
        loading={verify.isPending}
        data-testid="verify-figures"
      >
        {t('kpi.verify')}
      </Button>
    </Popconfirm>
  );
}
