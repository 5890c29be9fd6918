/**
 * PostgreSQL's text form of a timestamptz, as an ISO-8601 UTC string (what `new Date(v).toISOString()`
 * gives). The common case — a UTC session, years 1000–9999 — is rewritten as text: parsing it as a
 * date cost microseconds per value (several per contact row, 250 per page of contacts); anything else
 * (another session time zone, BC, infinity, 5-digit years) still goes through Date.
 */
const UTC_TIMESTAMP = /^([1-9]\d{3}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?\+00$/;

export function timestamptzToIso(value: string): string {
  const match = UTC_TIMESTAMP.exec(value);
  if (!match) return new Date(value).toISOString();
  // Date keeps milliseconds and drops the rest of the fraction.
  const fraction = match[3] === undefined ? '000' : match[3].length >= 3 ? match[3].slice(0, 3) : match[3].padEnd(3, '0');
  return `${match[1]}T${match[2]}.${fraction}Z`;
}
