/**
 * `npm run render -- FILE.docx [OUT_DIR]`: turns a DOCX (or XLSX) into a PDF and one PNG per page with
 * LibreOffice and poppler, so people (and reviewers) can look at an export without Word.
 * Writes next to the input unless OUT_DIR is given, and prints every path it wrote.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';

export function which(cmd: string): string | null {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : null;
}

export interface RenderResult {
  pdf: string;
  pngs: string[];
}

/** DOCX/XLSX → PDF (soffice) → PNG pages at `dpi` (pdftoppm). Throws with a clear message when a tool is missing. */
export function render(input: string, outDir = dirname(resolve(input)), dpi = 60): RenderResult {
  const soffice = which('soffice') ?? which('libreoffice');
  if (!soffice) throw new Error('LibreOffice (soffice) is not installed: cannot render. Install it (apt-get install libreoffice) and try again.');
  const file = resolve(input);
  if (!existsSync(file)) throw new Error(`No such file: ${file}`);
  mkdirSync(outDir, { recursive: true });
  const stem = basename(file, extname(file));
  // A private profile: a LibreOffice already open on the desktop would otherwise swallow the job.
  const profile = mkdtempSync(join(tmpdir(), 'skh-lo-'));
  try {
    execFileSync(
      soffice,
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, file],
      { stdio: ['ignore', 'pipe', 'pipe'], timeout: 180_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const pdf = join(outDir, `${stem}.pdf`);
  if (!existsSync(pdf)) throw new Error(`LibreOffice did not write ${pdf}`);
  const pngs: string[] = [];
  if (which('pdftoppm')) {
    const page = new RegExp(`^${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)\\.png$`);
    // Pages of an earlier, longer render would otherwise linger next to the new ones.
    for (const old of readdirSync(outDir)) if (page.test(old)) rmSync(join(outDir, old));
    execFileSync('pdftoppm', ['-png', '-r', String(dpi), pdf, join(outDir, stem)], { stdio: 'ignore' });
    // pdftoppm pads page numbers to the page count's width, so its names sort in page order.
    for (const name of readdirSync(outDir).sort()) if (page.test(name)) pngs.push(join(outDir, name));
  } else {
    process.stderr.write('pdftoppm (poppler-utils) is not installed: PDF written, no PNG pages.\n');
  }
  return { pdf, pngs };
}

function main(argv: string[]): number {
  const [input, outDir] = argv;
  if (!input || input === '-h' || input === '--help') {
    process.stderr.write('usage: npm run render -- FILE.docx|FILE.xlsx [OUT_DIR]\n');
    return input ? 0 : 1;
  }
  try {
    const r = render(input, outDir ? resolve(outDir) : undefined);
    for (const p of [r.pdf, ...r.pngs]) process.stdout.write(`${p}\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

// Run only as a script, so tests can import render() and which().
if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  process.exitCode = main(process.argv.slice(2));
}
