import type { TFunction } from 'i18next';
import { ApiError } from '../api';

/**
 * One message for the user. The back end's messages are written for the user (the Electron preload
 * passes them on as they are; the HTTP client marks them userError); anything else — the host
 * unreachable, a broken reply — gets a general line with the detail.
 */
export function errorMessage(e: unknown, t: TFunction): string {
  if (e instanceof ApiError) return e.userError ? e.message : t('error.general', { detail: e.message });
  if (e instanceof Error && e.message) return e.message;
  return t('error.general', { detail: String(e) });
}
