import type { Database } from 'better-sqlite3';
import * as m001 from './001-initial';
import * as m002 from './002-versions';
import * as m003 from './003-row-sources';
import * as m005 from './005-row-tree';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

/** Forward migrations in order; `PRAGMA user_version` records the last one applied. Never edit a released one: add the next. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: '001-initial', up: m001.up },
  { version: 2, name: '002-versions', up: m002.up },
  { version: 3, name: '003-row-sources', up: m003.up },
  // 004 is h1's (hardening); 005 runs after it wherever both exist.
  { version: 5, name: '005-row-tree', up: m005.up },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
