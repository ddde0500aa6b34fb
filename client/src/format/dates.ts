/** Dates and times the Swedish way (2025-03-14 14:30), in the browser's time zone. */
const dateTime = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short' });
const date = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short' });

export const formatDateTime = (iso: string | null | undefined): string => (iso ? dateTime.format(new Date(iso)) : '–');
export const formatDate = (iso: string | null | undefined): string => (iso ? date.format(new Date(iso)) : '–');
