import { Card, Col, Row, Statistic } from 'antd';
import type { Figure } from '../../../shared/src/contract/programme';
import { SampleTag } from './sample-tag';

/** Headline figures (29 pilots, 358 students …) as statistic cards, with their source note. */
export function FigureCards({ figures, testId }: { figures: Figure[]; testId: string }) {
  return (
    <Row gutter={[12, 12]} data-testid={testId}>
      {figures.map((f) => (
        <Col key={f.id} xs={12} md={8} xl={6}>
          <Card size="small">
            <Statistic
              title={
                <span>
                  {f.label}
                  {f.period ? `（${f.period}）` : ''} <SampleTag isSample={f.isSample} />
                </span>
              }
              value={f.value}
              suffix={f.unit ?? undefined}
              groupSeparator=""
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
