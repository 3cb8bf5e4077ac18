import type { Db } from './open';
import type { PlanPackage } from '../model/types';
import { insertPackage } from './plans';

/**
 * A new user's first start shows the bundled sample. Only once per store: a drafter who deletes it
 * does not get it back on the next start.
 */
export function installSampleOnFirstRun(db: Db, loadSample: () => PlanPackage): boolean {
  return db.transaction(() => {
    const done = db.prepare("SELECT 1 FROM app_meta WHERE key = 'sample_installed'").get();
    if (done) return false;
    const hasPlans = db.prepare('SELECT 1 FROM plans LIMIT 1').get();
    if (!hasPlans) insertPackage(db, loadSample());
    db.prepare("INSERT INTO app_meta (key, value) VALUES ('sample_installed', ?)").run(new Date().toISOString());
    return !hasPlans;
  }).immediate();
}
