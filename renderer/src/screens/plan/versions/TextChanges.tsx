import { useTranslation } from 'react-i18next';
import type { Comparison } from '../../../../../electron/core/api/contract';
import { WordDiff } from '../../../components/diff/WordDiff';

type TextChange = Comparison['fields'][number];

/** Changes of the Decision's and the Plan's fields, or of body paragraphs, each with its place and diff. */
export function TextChanges({ changes, label, testId }: { changes: TextChange[]; label: (place: string) => string; testId: string }) {
  const { t } = useTranslation();
  if (changes.length === 0) return <p className="muted">{t('versions.noTextChanges')}</p>;
  return (
    <dl className="text-changes" data-testid={testId}>
      {changes.map((c) => (
        <div key={c.place} className="text-change">
          <dt>{label(c.place)}</dt>
          <dd>
            <WordDiff ops={c.diff} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
