/** Dates of the chrome (not of the documents, which use nd30DateWords): Vietnamese style, local time. */
const DATE = new Intl.DateTimeFormat('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric' });
const TIME = new Intl.DateTimeFormat('vi-VN', { hour: '2-digit', minute: '2-digit', hour12: false });

/**
 * `24/11/2025 09:50` from an ISO timestamp (date first, as a list is scanned by date; vi-VN alone
 * would put the time first); the raw text when it cannot be read.
 */
export function formatTimestamp(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${DATE.format(d)} ${TIME.format(d)}`;
}
