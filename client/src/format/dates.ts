/** Dates and times the Swedish way (2025-03-14 14:30), in the browser's time zone. */
const dateTime = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short' });
const date = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short' });

export const formatDateTime = (iso: string | null | undefined): string => (iso ? dateTime.format(new Date(iso)) : '–');
export const formatDate = (iso: string | null | undefined): string => (iso ? date.format(new Date(iso)) : '–');

/** "YYYY-MM-DDTHH:mm" in the browser's time zone, as a datetime-local input shows it. */
export function localMinute(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
