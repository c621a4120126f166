// JSON paths as the admin API names them ("audience.all[1].op", "variants[0].creative.content.title"), and
// which control of the editor an error path belongs to. Every control of the editors is named by the JSON path
// of the value it edits, so an API error lands at the control that edits what it names.

/** Joins path segments: join('audience', 'all', 1, 'op') → 'audience.all[1].op'; join('', 'id') → 'id'. */
export function join(base: string, ...parts: (string | number)[]): string {
  let p = base;
  for (const part of parts) {
    if (typeof part === 'number') p += `[${part}]`;
    else p = p ? `${p}.${part}` : part;
  }
  return p;
}

/** The path one level up: 'a.b[2]' → 'a.b', 'a.b' → 'a', 'a' → null. */
export function parent(path: string): string | null {
  const m = /^(.*)(\.[^.[\]]+|\[\d+\])$/.exec(path);
  return m && m[1] ? m[1] : null;
}

/** Moves a path from one base to another: rebase('condition.all[1].op', 'condition', 'audience') → 'audience.all[1].op'. */
export function rebase(path: string, from: string, to: string): string {
  if (path === from) return to;
  if (path.startsWith(`${from}.`) || path.startsWith(`${from}[`)) return to + path.slice(from.length);
  return path;
}

/**
 * The control an API error path belongs to, among the names of the form's controls (in document order): the
 * control named by the whole path; else the first control inside what the path names (an error at
 * 'audience.all[1]' goes to the first control of that condition, one at 'audience.all[1].value' to its
 * 'value[0]' when the value is a range); else the same for the path one level up, and so on. Null when no
 * control edits anything on the path (the error is then shown at the top of the form).
 */
export function controlFor(path: string | undefined, names: readonly string[]): string | null {
  let p: string | null = path ?? null;
  while (p) {
    if (names.includes(p)) return p;
    const prefix = p;
    const inside = names.find((n) => n.startsWith(`${prefix}.`) || n.startsWith(`${prefix}[`));
    if (inside) return inside;
    p = parent(p);
  }
  return null;
}
