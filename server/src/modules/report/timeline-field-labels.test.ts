import { describe, expect, it } from 'vitest';
import { timelineDetailZh } from './timeline-field-labels';

describe('timelineDetailZh', () => {
  it('names the changed fields in Chinese, once each, in the order they changed', () => {
    const detail = timelineDetailZh({
      detail: null,
      fields: ['project.landMu', 'project.capacityQuantity', 'project.capacityUnit', 'project.linkId'],
    });
    expect(detail).toBe('修改了：用地（亩）、产能、产业链环节');
  });

  it('keeps the detail of items that changed no fields, and shows an unknown field as sent', () => {
    expect(timelineDetailZh({ detail: '计划 2024-10-31', fields: [] })).toBe('计划 2024-10-31');
    expect(timelineDetailZh({ detail: null, fields: [] })).toBe('');
    expect(timelineDetailZh({ detail: null, fields: ['project.newThing'] })).toBe('修改了：project.newThing');
  });
});
