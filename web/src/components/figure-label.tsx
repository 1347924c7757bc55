import { QuestionCircleOutlined } from '@ant-design/icons';
import { Tooltip } from 'antd';
import { FIGURE_DEFINITIONS, type FigureKey } from '../../../shared/src/figures';
import { useI18n } from '../locales/i18n-context';

/**
 * A figure's name with a `?` whose tooltip gives its one definition (shared/src/figures.ts,
 * docs/glossary.md), so a leader reading 到位资金 knows whether it is this year's or to date.
 */
export function FigureLabel({ figure, label }: { figure: FigureKey; label?: string }) {
  const { pick } = useI18n();
  const d = FIGURE_DEFINITIONS[figure];
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {label ?? pick(d.label)}
      <Tooltip title={pick(d.definition)}>
        <QuestionCircleOutlined
          aria-label={pick(d.definition)}
          data-testid={`figure-tip-${figure}`}
          style={{ marginLeft: 4, color: 'rgba(0,0,0,0.45)', cursor: 'help' }}
        />
      </Tooltip>
    </span>
  );
}
