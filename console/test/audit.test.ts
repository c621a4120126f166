import { describe, expect, it } from 'vitest';
import { setLang, t } from '../src/i18n';
import { diffLines, jsonDiff, lines, withContext } from '../src/screens/audit/diff';
import { ALL_KINDS, details, diffView, entryView, Entry, who } from '../src/screens/audit/history';

const entry = (over: Partial<Entry> = {}): Entry => ({
  id: 7, at: '2026-11-24T00:00:00Z', actor: { type: 'operator', operator: 'u_1', login: 'hanako', name: 'Hanako Sato' },
  action: 'status', kind: 'campaigns', object: 'hello', site: 'shop_main',
  before: { id: 'hello', status: 'paused' }, after: { id: 'hello', status: 'live' },
  detail: { status: { from: 'paused', to: 'live' } }, ...over,
});

describe('the diff of two JSON values', () => {
  it('shows the changed line as removed and added, the rest unchanged', () => {
    const d = jsonDiff({ name: 'Hello', status: 'paused' }, { name: 'Hello', status: 'live' });
    expect(d.filter((l) => l.kind === 'del').map((l) => l.text.trim())).toEqual(['"status": "paused"']);
    expect(d.filter((l) => l.kind === 'add').map((l) => l.text.trim())).toEqual(['"status": "live"']);
    expect(d.filter((l) => l.kind === 'same').map((l) => l.text.trim())).toEqual(['{', '"name": "Hello",', '}']);
  });

  it('ignores the order of keys', () => {
    expect(jsonDiff({ a: 1, b: { c: 2, d: 3 } }, { b: { d: 3, c: 2 }, a: 1 }).every((l) => l.kind === 'same')).toBe(true);
  });

  it('treats a creation as all added and a deletion as all removed', () => {
    expect(jsonDiff(null, { a: 1 }).every((l) => l.kind === 'add')).toBe(true);
    expect(jsonDiff({ a: 1 }, null).every((l) => l.kind === 'del')).toBe(true);
    expect(lines(null)).toEqual([]);
  });

  it('finds the longest common lines between insertions and deletions', () => {
    const d = diffLines(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'd', 'e']);
    expect(d).toEqual([
      { kind: 'same', text: 'a' }, { kind: 'del', text: 'b' }, { kind: 'add', text: 'x' },
      { kind: 'same', text: 'c' }, { kind: 'same', text: 'd' }, { kind: 'add', text: 'e' }]);
  });

  it('folds long unchanged runs, keeping three lines of context', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i}`);
    const after = [...before];
    after[10] = 'changed';
    const shown = withContext(diffLines(before, after));
    expect(shown[0]).toEqual({ kind: 'skip', count: 7 });
    expect(shown.filter((l) => l.kind === 'same')).toHaveLength(6);
    expect(shown[shown.length - 1]).toEqual({ kind: 'skip', count: 6 });
    // a single unchanged line is shown, not folded
    const one = withContext(diffLines(['a', 'b', 'c', 'd', 'e'], ['a', 'b', 'c', 'd', 'x']), 3);
    expect(one.every((l) => l.kind !== 'skip')).toBe(true);
  });
});

describe('an entry of the history', () => {
  it('says who: an operator, a personal token, the administrators\u2019 token, a site token', () => {
    setLang('en');
    expect(who({ type: 'operator', login: 'hanako', name: 'Hanako Sato' })).toBe('Hanako Sato (hanako)');
    expect(who({ type: 'operator', login: 'hanako', name: null })).toBe('hanako');
    expect(who({ type: 'personal_token', login: 'taro', token: 'tok_1', token_name: 'CI' })).toBe('taro (personal API token “CI”)');
    expect(who({ type: 'admin_token' })).toBe("Administrators' token");
    expect(who({ type: 'site_token', token: '…ab12' })).toBe('Site API token …ab12');
  });

  it('says a status change explicitly, in both languages', () => {
    setLang('en');
    expect(details(entry())).toEqual(['status Paused → Live']);
    setLang('ja');
    expect(details(entry())).toEqual(['ステータス: 停止中 → 公開中']);
  });

  it('links the object and the object\u2019s own history', () => {
    setLang('en');
    const li = entryView(entry(), { zone: 'Asia/Tokyo', historyPath: '/sites/shop_main/history', showSite: false });
    const links = Array.from(li.querySelectorAll('a')).map((a) => a.getAttribute('href'));
    expect(links).toContain('/console/sites/shop_main/campaigns/hello');
    expect(links).toContain('/console/sites/shop_main/history?kind=campaigns&id=hello');
    expect(li.querySelector('time')!.getAttribute('datetime')).toBe('2026-11-24T00:00:00Z');
    expect(li.textContent).toContain('Hanako Sato (hanako)');
  });

  it('never turns text from the API into markup', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const li = entryView(entry({ object: evil, actor: { type: 'operator', login: evil, name: evil }, before: { name: evil }, after: { name: `${evil}!` } }),
      { historyPath: '/history', showSite: true });
    (li.querySelector('details') as HTMLDetailsElement).open = true;
    li.querySelector('details')!.dispatchEvent(new Event('toggle'));
    expect(li.querySelector('img')).toBeNull();
    expect(li.textContent).toContain(evil);
    const diff = diffView({ name: evil }, { name: `${evil}!` });
    expect(diff.querySelector('img')).toBeNull();
    expect(diff.querySelectorAll('.diff-line.del')).toHaveLength(1);
    expect(diff.querySelectorAll('.diff-line.add')).toHaveLength(1);
  });

  it('has a word for every kind of object and every action in both languages', () => {
    for (const l of ['ja', 'en'] as const) {
      setLang(l);
      for (const k of ALL_KINDS) expect(t(`audit.kind.${k}` as never)).not.toBe(`audit.kind.${k}`);
      // every action the server records (docs/console.md, "History of changes")
      for (const a of ['create', 'update', 'delete', 'status', 'forget', 'role', 'unlock', 'password', 'rename', 'invite',
        'accept_invite', 'advance']) {
        expect(t(`audit.action.${a}` as never)).not.toBe(`audit.action.${a}`);
      }
    }
  });
});
