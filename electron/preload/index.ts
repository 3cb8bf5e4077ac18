/**
 * The preload: exposes the one SoanApi as `window.soan`, one function per operation, each a single
 * `ipcRenderer.invoke` on the channel `soan:<method>`. ipcRenderer itself is never exposed.
 * Runs sandboxed with context isolation: only `electron`'s contextBridge and ipcRenderer are used.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { encodeErrorMessage, type ApiErrorBody, type SoanApi } from '../core/api/contract';
import { API_METHODS } from '../core/api/methods';

const api = Object.fromEntries(
  API_METHODS.map((method) => [
    method,
    async (...args: unknown[]) => {
      const reply = (await ipcRenderer.invoke(`soan:${method}`, ...args)) as { result: unknown } | ApiErrorBody;
      // Errors travel as data: Electron would otherwise wrap the message in its own text. Only the message crosses
      // contextBridge, so a coded error's code and params ride in front of it (encodeErrorMessage; the renderer decodes).
      if ('error' in reply) throw new Error(encodeErrorMessage(reply));
      return reply.result;
    },
  ]),
) as unknown as SoanApi;

contextBridge.exposeInMainWorld('soan', api);
