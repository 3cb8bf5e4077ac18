/**
 * The parts of the plan editor, as data: each is one tab with one component. A feature adds its part by
 * adding one entry here (in reading order); nothing else in PlanView changes.
 */
import type { ComponentType } from 'react';
import type { SectionProps } from './types';
import { DecisionSection } from './decision/DecisionSection';
import { BodySection } from './body/BodySection';
import { AppendixSection } from './appendix/AppendixSection';
import { AgenciesSection } from './agencies/AgenciesSection';
import { SearchSection } from './search/SearchSection';
import { CheckSection } from './check/CheckSection';
import { VersionsSection } from './versions/VersionsSection';
import { RolloverSection } from './rollover/RolloverSection';
import { MergeSection } from './merge/MergeSection';

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
  { key: 'agencies', label: 'plan.tab.agencies', Component: AgenciesSection },
  { key: 'search', label: 'plan.tab.search', Component: SearchSection },
  { key: 'check', label: 'check.tab', Component: CheckSection },
  { key: 'versions', label: 'versions.tab', Component: VersionsSection },
  { key: 'rollover', label: 'rollover.tab', Component: RolloverSection },
  { key: 'merge', label: 'merge.tab', Component: MergeSection },
  // more sections: add above this line
];

