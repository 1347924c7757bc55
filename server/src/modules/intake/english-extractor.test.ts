import { describe, expect, it } from 'vitest';
import { projectsOf } from './extract-test-helpers';

// Invented English reports.
describe('what a project in focus builds', () => {
  it('is part of that project, not a project of its own', () => {
    const text =
      'The construction of Lakeview Pharma Park with a total investment of 10 billion yuan was started on Monday. 5 billion yuan will be invested in the first phase of this project to build a green pharmaceutical production base and build a digital production line.';
    expect(projectsOf(text).map((p) => p.name)).toEqual(['Lakeview Pharma Park']);
  });

  it('names the project when the text gives it no other name', () => {
    const text =
      'With the help of Northgate Energy, the project will build a battery production line with an annual output of 8GWh.';
    expect(projectsOf(text).map((p) => p.name)).toEqual(['battery production line']);
  });
});
