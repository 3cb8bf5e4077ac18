/**
 * The one way the UI reaches the back end. In Electron the preload exposes `window.soan`; in a plain
 * browser (the loopback HTTP host) we build a client with the same `SoanApi` shape: `POST /api/<method>`
 * with the arguments as a JSON array and this run's token from the page's meta.
 *
 * Only types come from the API's definitions (contract.ts): the method list and the validator stay on the
 * back end's side, so the renderer's bundle carries no validator library. The client answers any method
 * name the type allows; the host refuses one it does not serve (`api.unknownMethod`).
 */
import { decodeErrorMessage, type ApiErrorBody, type ApiMethod, type SoanApi } from '../../electron/core/api/contract';

declare global {
  interface Window {
    soan?: SoanApi;
  }
}

export const TOKEN_META = 'soan-token';
const TOKEN_HEADER = 'x-soan-token';

/**
 * An error the back end raised. `userError` means the message is meant for the user as it is; `code` and `params`
 * (a coded UserError) let the UI show its own translation instead (errors.<code>).
 */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly userError: boolean,
    readonly method: string,
    readonly code?: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function readToken(doc: Document): string {
  return doc.querySelector<HTMLMetaElement>(`meta[name="${TOKEN_META}"]`)?.content ?? '';
}

async function call(method: ApiMethod, args: unknown[], token: string, base: string): Promise<unknown> {
  let response: Response;
  try {
    // JSON has no `undefined`: trailing optional arguments left out are dropped, not sent as null.
    const body = JSON.stringify(trimUndefined(args));
    response = await fetch(`${base}api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
      body,
      // An edit sent as the page goes away (reload, close) still reaches the store; browsers allow this
      // for bodies under 64 KB in all (16,000 characters are at most 48 KB).
      keepalive: body.length < 16_000,
    });
  } catch (e) {
    throw new ApiError(e instanceof Error ? e.message : String(e), false, method);
  }
  let body: Partial<ApiErrorBody> & { result?: unknown };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new ApiError(`HTTP ${response.status}`, false, method);
  }
  if (!response.ok || typeof body.error === 'string') {
    throw new ApiError(body.error ?? `HTTP ${response.status}`, body.userError === true, method, typeof body.code === 'string' ? body.code : undefined, body.params ?? {});
  }
  return body.result;
}

function trimUndefined(args: unknown[]): unknown[] {
  let end = args.length;
  while (end > 0 && args[end - 1] === undefined) end--;
  return args.slice(0, end);
}

type AnyMethod = (...args: unknown[]) => Promise<unknown>;

/**
 * An object whose every method name answers with `make(name)` (made once per name). `then` and symbols stay
 * undefined, so the object is not mistaken for a promise or an iterable.
 */
function methodsOnDemand(make: (method: ApiMethod) => AnyMethod): SoanApi {
  const made = new Map<string, AnyMethod>();
  return new Proxy(Object.create(null) as Record<string, AnyMethod>, {
    get(_target, name) {
      if (typeof name !== 'string' || name === 'then') return undefined;
      let fn = made.get(name);
      if (!fn) made.set(name, (fn = make(name as ApiMethod)));
      return fn;
    },
  }) as unknown as SoanApi;
}

/** A SoanApi over the loopback HTTP host: each method a `POST /api/<method>`. */
export function createHttpApi(token: string, base = '/'): SoanApi {
  return methodsOnDemand((method) => (...args: unknown[]) => call(method, args, token, base));
}

/**
 * `window.soan` with its errors decoded: the preload can pass only a message, so a coded error's code and params
 * arrive encoded in front of it (encodeErrorMessage); they become an ApiError. Uncoded errors pass unchanged.
 */
export function wrapPreloadApi(soan: SoanApi): SoanApi {
  return methodsOnDemand((method) => {
    const fn = soan[method] as AnyMethod | undefined;
    return async (...args: unknown[]) => {
      if (typeof fn !== 'function') throw new ApiError(`Unknown operation "${method}".`, true, method, 'api.unknownMethod', { method });
      try {
        return await fn(...args);
      } catch (e) {
        if (!(e instanceof Error)) throw e;
        const decoded = decodeErrorMessage(e.message);
        if (decoded.code) throw new ApiError(decoded.message, true, method, decoded.code, decoded.params);
        if (decoded.message !== e.message) throw new Error(decoded.message);
        throw e;
      }
    };
  });
}

export function pickApi(win: Window = window): SoanApi {
  return win.soan ? wrapPreloadApi(win.soan) : createHttpApi(readToken(win.document), new URL('./', win.location.href).pathname);
}

export const api: SoanApi = pickApi();
