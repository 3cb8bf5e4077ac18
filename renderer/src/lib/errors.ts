import type { TFunction } from 'i18next';
import i18n from 'i18next';
import { ApiError } from '../api';
import { withProblemLines } from '../../../electron/core/model/messages';

/**
 * One message for the user. The back end's messages are written for the user (the Electron preload
 * passes them on as they are; the HTTP client marks them userError); anything else — the host
 * unreachable, a broken reply — gets a general line with the detail.
 */
export function errorMessage(e: unknown, t: TFunction): string {
  if (e instanceof ApiError) {
    // A coded error is shown in the UI's language when there is a translation; else its (English) message.
    // A file's problems (`lines`) are translated one per line too.
    if (e.userError && e.code && i18n.exists(`errors.${e.code}`)) return t(`errors.${e.code}`, withProblemLines(e.params ?? {}, (key, values) => t(key, values)));
    return e.userError ? e.message : t('error.general', { detail: e.message });
  }
  if (e instanceof Error && e.message) return e.message;
  return t('error.general', { detail: String(e) });
}
