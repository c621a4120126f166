// A line diff of two JSON values, for the history of changes: both are pretty-printed with their keys sorted
// (so an object whose keys merely moved shows no change), then compared line by line (longest common
// subsequence). Pure functions: the screen renders the lines as text, never as HTML.

export type DiffLine = { kind: 'same' | 'add' | 'del'; text: string };
export type Shown = DiffLine | { kind: 'skip'; count: number };

/** Above this many line pairs the comparison keeps the common start and end and marks the middle changed. */
const MAX_CELLS = 4_000_000;

function sorted(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sorted);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v as Record<string, unknown>).sort()) out[k] = sorted((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

/** The value as the diff shows it: two-space JSON, keys sorted; nothing at all for null / absent. */
export function lines(v: unknown): string[] {
  if (v === null || v === undefined) return [];
  return JSON.stringify(sorted(v), null, 2).split('\n');
}

/** The lines of a turned into the lines of b: unchanged, removed (del) and added (add), in order. */
export function diffLines(a: string[], b: string[]): DiffLine[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length, endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) { endA--; endB--; }
  const head: DiffLine[] = a.slice(0, start).map((text) => ({ kind: 'same', text }));
  const tail: DiffLine[] = a.slice(endA).map((text) => ({ kind: 'same', text }));
  const midA = a.slice(start, endA), midB = b.slice(start, endB);
  let mid: DiffLine[];
  if ((midA.length + 1) * (midB.length + 1) > MAX_CELLS) {
    mid = [...midA.map((text): DiffLine => ({ kind: 'del', text })), ...midB.map((text): DiffLine => ({ kind: 'add', text }))];
  } else {
    mid = lcs(midA, midB);
  }
  return [...head, ...mid, ...tail];
}

function lcs(a: string[], b: string[]): DiffLine[] {
  const n = a.length, m = b.length;
  // table[i][j]: length of the longest common subsequence of a[i..] and b[j..]
  const table: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  const out: DiffLine[] = [];
  let i = 0, j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) { out.push({ kind: 'same', text: a[i] }); i++; j++; }
    else if (table[i + 1][j] >= table[i][j + 1]) out.push({ kind: 'del', text: a[i++] });
    else out.push({ kind: 'add', text: b[j++] });
  }
  while (i < n) out.push({ kind: 'del', text: a[i++] });
  while (j < m) out.push({ kind: 'add', text: b[j++] });
  return out;
}

/** The diff of two JSON values (null: absent, as before a creation or after a deletion). */
export function jsonDiff(before: unknown, after: unknown): DiffLine[] {
  return diffLines(lines(before), lines(after));
}

/**
 * Unchanged lines further than `context` from any change folded into one "n unchanged lines" marker; a run of
 * one is shown rather than folded (the marker would take the same room).
 */
export function withContext(diff: DiffLine[], context = 3): Shown[] {
  const changed = diff.map((l) => l.kind !== 'same');
  const near = (i: number) => {
    for (let k = Math.max(0, i - context); k <= Math.min(diff.length - 1, i + context); k++) if (changed[k]) return true;
    return false;
  };
  const out: Shown[] = [];
  let pending: DiffLine[] = [];
  const flush = () => {
    if (pending.length === 1) out.push(pending[0]);
    else if (pending.length > 1) out.push({ kind: 'skip', count: pending.length });
    pending = [];
  };
  diff.forEach((l, i) => {
    if (l.kind !== 'same' || near(i)) {
      flush();
      out.push(l);
    } else {
      pending.push(l);
    }
  });
  flush();
  return out;
}
