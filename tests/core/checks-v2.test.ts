/** The checker on model v2 shapes: row trees, a period plan, and the header lines no width can hold. */
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../electron/core/checks';
import { frameworkPackage } from './fixtures/framework';
import { samplePackage } from './fixtures/packages';

const rules = (pkg: Parameters<typeof checkPlan>[0]) => checkPlan(pkg).map((f) => `${f.rule} ${f.path}`);

describe('checker on model v2', () => {
  it('a framework with spanning objectives and tasks has no "no task / no lead / no deadline" errors, nor deadlines outside its period', () => {
    const found = rules(frameworkPackage(3, 3));
    expect(found.filter((r) => /^rows\.(no-task|no-lead|no-deadline|deadline-year)/.test(r))).toEqual([]);
  });

  it('a parent on its own line needs no deadline when its sub-rows have them; a sub-row without one is reported by its path', () => {
    const pkg = samplePackage();
    const g = pkg.appendix.groups[0];
    const lead = g.rows[0].cells.lead;
    g.rows = [
      {
        cells: { task: 'Nhiệm vụ 1', lead: [], deadline: '', note: '', cooperate: [] },
        children: [
          { cells: { task: 'Việc 1.1', lead, deadline: 'Quý I/2024', note: '', cooperate: [] } },
          { cells: { task: 'Việc 1.2', lead, deadline: '', note: '', cooperate: [] } },
        ],
      },
    ];
    const found = rules(pkg).filter((r) => r.startsWith('rows.'));
    expect(found).toContain('rows.no-deadline appendix.groups[0].rows[0]._rows[1].deadline');
    expect(found.filter((r) => /appendix\.groups\[0\]\.rows\[0\]\.[a-z]+$/.test(r))).toEqual([]);
  });

  it('warns when no header width can hold a line, and not for Thành phố Hồ Chí Minh', () => {
    const hcm = samplePackage();
    hcm.issuer.place = 'Thành phố Hồ Chí Minh';
    hcm.decision!.date = '2024-02-28';
    expect(rules(hcm).filter((r) => r.startsWith('header.'))).toEqual([]);
    const long = samplePackage();
    long.issuer.place = 'Thị xã Phước Long thuộc tỉnh Bình Phước của nước Cộng hòa';
    long.decision!.date = '2024-02-28';
    expect(rules(long).filter((r) => r.startsWith('header.'))).toEqual(['header.wraps issuer.place']);
  });
});
