/**
 * The parts of the plan editor, as data: each is one tab with one component. A feature adds its part by
 * adding one entry here (in reading order); nothing else in PlanView changes.
 */
import type { ComponentType } from 'react';
import type { SectionProps } from './types';
import { DecisionSection } from './decision/DecisionSection';
import { BodySection } from './body/BodySection';
import { AppendixSection } from './appendix/AppendixSection';

export interface SectionDef {
  key: string;
  /** i18n key of the tab label; `{{count}}` gets the number of tasks. */
  label: string;
  Component: ComponentType<SectionProps>;
}

export const SECTIONS: readonly SectionDef[] = [
  { key: 'decision', label: 'plan.tab.decision', Component: DecisionSection },
  { key: 'body', label: 'plan.tab.body', Component: BodySection },
  { key: 'appendix', label: 'plan.tab.appendix', Component: AppendixSection },
  // more sections: add above this line
];

export function sectionKeys(): string[] {
  return SECTIONS.map((s) => s.key);
}
