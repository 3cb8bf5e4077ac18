/**
 * electron-builder `afterPack` hook (package.json build.afterPack): flips Electron's fuses in the packaged
 * executable before it is signed and wrapped into the installer and the portable .exe.
 *
 * Fuses are bits compiled into electron.exe that no command-line switch or environment variable can undo, so a
 * copied or tampered install cannot be turned into a general Node runtime or a debuggable process:
 * - RunAsNode off: `ELECTRON_RUN_AS_NODE=1 soan-ke-hoach.exe script.js` no longer runs arbitrary scripts;
 * - cookie encryption on (the app sets no cookies; the OS key store protects any Chromium ever writes);
 * - NODE_OPTIONS ignored, and `--inspect`/`--inspect-brk` refused: no code injected into main at start;
 * - ASAR integrity validated, and the app loaded only from app.asar: an edited or added `app/` folder is refused;
 * - file:// gets no extra privileges: the page is served from app:// (electron/core/security/policy.ts).
 */
import { FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses';
import { join } from 'node:path';

/** The fuse settings, by @electron/fuses option index. Fuses left out keep Electron's default. */
export const FUSES = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** The packaged Electron executable in `appOutDir`: `<executableName>.exe` on Windows (electron-builder's productFilename). */
export function executablePath(context) {
  const name = context.packager.appInfo.productFilename;
  const ext = { win32: '.exe', darwin: '.app', mas: '.app', linux: '' }[context.electronPlatformName] ?? '';
  return join(context.appOutDir, `${name}${ext}`);
}

/** Flips FUSES in the packaged executable; throws (and so fails the build) when the binary has no fuse wire. */
export async function afterPack(context) {
  const exe = executablePath(context);
  const wires = await flipFuses(exe, FUSES);
  if (wires < 1) throw new Error(`after-pack: no fuse wire flipped in ${exe}`);
}

export default afterPack;
