import type { SectionProps } from '../types';
import { AppendixTable } from '../../components/AppendixTable';

/** The appendix task table. */
export function AppendixSection({ opened }: SectionProps) {
  return <AppendixTable appendix={opened.pkg.appendix} agencies={opened.pkg.agencies} />;
}
