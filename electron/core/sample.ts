import { readFileSync } from 'node:fs';
import type { PlanPackage } from './model';
import { resourcePath } from './resources';
import { parseExchange } from './exchange/exchange';

export const SAMPLE_FILE = 'ke-hoach-cchc-2024-binh-phuoc.json';

/** The bundled 2024 Bình Phước package, validated like any exchange file. */
export function loadSamplePackage(): PlanPackage {
  const path = resourcePath('sample', SAMPLE_FILE);
  return parseExchange(readFileSync(path, 'utf8'), path);
}
