import type { Database } from 'better-sqlite3';
import * as m001 from './001-initial';
import * as m002 from './002-versions';
import * as m003 from './003-row-sources';
import * as m004 from './004-stable-ids';
import * as m005 from './005-row-tree';
import * as m006 from './006-issue-tracking';
import * as m007 from './007-reports';
import * as m008 from './008-version-origins';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
  /** Rebuilds tables that others point at: foreign keys must be off while it runs (checked before commit). */
  rebuildsTables?: boolean;
}

/** Forward migrations in order; `PRAGMA user_version` records the last one applied. Never edit a released one: add the next. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: '001-initial', up: m001.up },
  { version: 2, name: '002-versions', up: m002.up },
  { version: 3, name: '003-row-sources', up: m003.up },
  { version: 4, name: '004-stable-ids', up: m004.up, rebuildsTables: m004.rebuildsTables },
  { version: 5, name: '005-row-tree', up: m005.up },
  { version: 6, name: '006-issue-tracking', up: m006.up },
  { version: 7, name: '007-reports', up: m007.up },
  { version: 8, name: '008-version-origins', up: m008.up },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
