import type { SectionProps } from '../types';
import { BodyOutline } from '../../components/BodyOutline';

/** The Plan's body outline. */
export function BodySection({ opened }: SectionProps) {
  return <BodyOutline plan={opened.pkg.plan} />;
}
