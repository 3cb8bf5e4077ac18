/**
 * Before the desktop window closes, the renderer commits the text still being typed and sends its queued
 * edits (window.soanFlushEdits, set by the plan session while a plan is open); the window closes once the
 * store has them, or after `timeoutMs` if the renderer does not answer (a hung page must not keep the
 * window open). Glue only: main/index.ts calls `flushBeforeClose(mainWindow)` once after creating it.
 */
import type { BrowserWindow } from 'electron';

/** What the renderer runs: true once everything is saved, false if an edit was refused (kept for retry). */
const FLUSH_SCRIPT = 'typeof window.soanFlushEdits === "function" ? window.soanFlushEdits() : true';

/**
 * Holds the window's first close until the renderer has flushed its edits (at most `timeoutMs`
 * milliseconds), then closes it for real. Later closes go through at once.
 */
export function flushBeforeClose(win: BrowserWindow, timeoutMs = 3000): void {
  let flushed = false;
  win.on('close', (event) => {
    if (flushed || win.webContents.isDestroyed() || win.webContents.isCrashed()) return;
    event.preventDefault();
    flushed = true;
    const timeout = new Promise((resolve) => setTimeout(resolve, timeoutMs));
    const flush = win.webContents.executeJavaScript(FLUSH_SCRIPT, true).catch(() => false);
    void Promise.race([flush, timeout]).finally(() => {
      if (!win.isDestroyed()) win.close();
    });
  });
}
