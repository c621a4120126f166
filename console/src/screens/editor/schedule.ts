// A campaign's schedule is in the site's timezone (config-language.md §5); the editor shows start and end as
// the site's local date and time and stores them as ISO-8601 with that zone's offset at that moment.

const parts = (ms: number, tz: string): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const p of new Intl.DateTimeFormat('en-CA', {
    timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).formatToParts(ms)) out[p.type] = p.value;
  return out;
};

/** The zone's offset from UTC at an instant, in minutes (Asia/Tokyo: 540). */
export function offsetMinutes(ms: number, tz: string): number {
  const p = parts(ms, tz);
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour) % 24, Number(p.minute), Number(p.second));
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60000);
}

/** A stored time (ISO-8601 with an offset, or epoch milliseconds) as a datetime-local value in the zone; '' when there is none or it does not parse. */
export function toLocalInput(value: unknown, tz: string): string {
  const ms = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms)) return '';
  const p = parts(ms, tz);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** A datetime-local value ('2026-12-01T09:30') meant in the zone, as ISO-8601 with the zone's offset then. */
export function fromLocalInput(local: string, tz: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!m) return local === '' ? undefined : local;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  // the offset at the instant the wall time stands for (twice, for the hour around a change of offset)
  let offset = offsetMinutes(wall, tz);
  offset = offsetMinutes(wall - offset * 60000, tz);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${sign}${hh}:${mm}`;
}
