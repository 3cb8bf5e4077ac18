import type { SectionProps } from '../types';
import { FindReplace } from './FindReplace';

/** Find and replace as its own part of the editor, reachable from any other (also Ctrl+H in the appendix). */
export function SearchSection({ opened, session, goTo }: SectionProps) {
  return (
    <div className="fr-page">
      <FindReplace planId={opened.summary.id} session={session} revision={opened.summary.revision} goTo={goTo} autoFocus />
    </div>
  );
}
