import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { flushBeforeClose } from '../../electron/main/flush-on-close';

/** A stand-in for BrowserWindow: close() emits a preventable 'close' and, if not prevented, closes. */
function fakeWindow(flush: () => Promise<unknown>) {
  const win = new EventEmitter() as EventEmitter & Record<string, unknown>;
  let destroyed = false;
  const scripts: string[] = [];
  win.webContents = {
    isDestroyed: () => false,
    isCrashed: () => false,
    executeJavaScript: (code: string) => {
      scripts.push(code);
      return flush();
    },
  };
  win.isDestroyed = () => destroyed;
  win.close = () => {
    let prevented = false;
    win.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) destroyed = true;
  };
  return { win, scripts, closed: () => destroyed };
}

describe('flushBeforeClose', () => {
  it('holds the first close until the renderer has flushed, then closes', async () => {
    let release: (v: boolean) => void = () => undefined;
    const { win, scripts, closed } = fakeWindow(() => new Promise<boolean>((r) => (release = r)));
    flushBeforeClose(win as never, 5000);
    (win.close as () => void)();
    expect(closed()).toBe(false);
    expect(scripts[0]).toContain('soanFlushEdits');
    release(true);
    await new Promise((r) => setTimeout(r, 0));
    expect(closed()).toBe(true);
  });

  it('closes after the timeout when the renderer never answers', async () => {
    const { win, closed } = fakeWindow(() => new Promise(() => undefined));
    flushBeforeClose(win as never, 20);
    (win.close as () => void)();
    expect(closed()).toBe(false);
    await new Promise((r) => setTimeout(r, 40));
    expect(closed()).toBe(true);
  });
});
