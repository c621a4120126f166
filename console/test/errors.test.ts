// The API's messages in the operator's language (console/src/errors.ts): every error code the server can
// answer has words in both languages (read from the server's and the engine's sources, so a new code without
// words fails here), known message shapes keep the server's values, unknown codes fall back to the server's
// message, and "why not?" details are put into words.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError } from '../src/api';
import { h } from '../src/dom';
import { errorMessage, errorsInWords, errorText, reasonDetail, reasonLabel } from '../src/errors';
import { dictionaries, setLang } from '../src/i18n';
import { summaryText } from '../src/screens/editor/preview';
import { field, showError } from '../src/ui';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function javaFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? javaFiles(p) : d.name.endsWith('.java') ? [p] : [];
  });
}

/** The error codes the server's and the engine's main sources answer with. */
function serverCodes(): Set<string> {
  const files = [...javaFiles(path.join(repo, 'server/src/main/java')), ...javaFiles(path.join(repo, 'engine/src/main/java'))];
  const constants = new Map<string, string>();
  for (const f of files.filter((f) => /\/(Codes|TrackRequestParser)\.java$/.test(f))) {
    for (const m of fs.readFileSync(f, 'utf8').matchAll(/static final String ([A-Z_]+) = "([a-z_]+)";/g)) constants.set(m[1], m[2]);
  }
  const codes = new Set<string>();
  for (const f of files) {
    const src = fs.readFileSync(f, 'utf8');
    for (const m of src.matchAll(/Codes\.([A-Z_]+)/g)) codes.add(constants.get(m[1])!);
    for (const m of src.matchAll(/ConfigError\.of\([^;]*?,\s*"([a-z_]+)"\s*,/g)) codes.add(m[1]);
    for (const m of src.matchAll(/errors\.add\([^;]*?,\s*"([a-z_]+)",/g)) codes.add(m[1]);
    for (const m of src.matchAll(/new ApiException\(\d+,\s*"([a-z_]+)"/g)) codes.add(m[1]);
    for (const m of src.matchAll(/write\(ctx, json, \d+, "([a-z_]+)"/g)) codes.add(m[1]);
    for (const m of src.matchAll(/ApiException\.(badRequest|unauthorized|forbidden|notFound)\(/g)) {
      codes.add({ badRequest: 'invalid', unauthorized: 'unauthorized', forbidden: 'forbidden', notFound: 'not_found' }[m[1]]!);
    }
    if (/TrackRequestParser\.java$/.test(f)) for (const c of constants.values()) codes.add(c);
  }
  codes.delete(undefined as unknown as string);
  return codes;
}

afterEach(() => { vi.unstubAllGlobals(); setLang('en'); });

describe('error codes', () => {
  it('has words in Japanese and English for every code the server answers with', () => {
    const codes = serverCodes();
    // the scan finds the codes it should (a broken scan would pass the check below vacuously)
    for (const c of ['required', 'invalid_value', 'unknown_field', 'unknown_reference', 'still_referenced', 'rate_limited', 'locked',
      'csrf', 'invalid', 'not_found', 'internal', 'too_long', 'out_of_range', 'conflict', 'password_too_short']) expect(codes).toContain(c);
    const missing = [...codes].filter((c) => !(`err.code.${c}` in dictionaries.ja) || !(`err.code.${c}` in dictionaries.en));
    expect(missing).toEqual([]);
  });

  it('falls back to the server’s message for a code it does not know', () => {
    setLang('ja');
    expect(errorText({ code: 'brand_new', message: 'something the console never heard of' })).toBe('something the console never heard of');
    setLang('en');
    expect(errorText({ code: 'brand_new', message: 'something the console never heard of' })).toBe('something the console never heard of');
  });

  it('gives a known code its words, and in Japanese the server’s sentence beside them when it tells what to fix', () => {
    setLang('ja');
    expect(errorText({ code: 'invalid_value', message: 'after_goal needs the campaign to have a goal' }))
      .toBe('この値は使えません。（after_goal needs the campaign to have a goal）');
    expect(errorText({ code: 'required', message: "'creative' is required (or 'variants' for an A/B test)" })).toBe('入力してください。');
    expect(errorText({ code: 'csrf', message: 'missing or wrong X-CSRF-Token header' })).toMatch(/再読み込み/);
    setLang('en');
    expect(errorText({ code: 'invalid_value', message: 'after_goal needs the campaign to have a goal' })).toBe('after_goal needs the campaign to have a goal');
    expect(errorText({ code: 'csrf', message: 'missing or wrong X-CSRF-Token header' })).toMatch(/Reload the page/);
  });
});

describe('messages of a known shape keep the server’s values', () => {
  // [code, the server's message (as its sources build it), Japanese, English]
  const cases: [string, string, string | RegExp, string | RegExp][] = [
    ['invalid_value', 'expected a whole number from 1 to 1440, got 0', '1〜1440 の整数を入力してください。', 'Enter a whole number from 1 to 1440.'],
    ['invalid', 'spacing.min_pageviews must be between 0 and 1000', '0〜1000 の整数を入力してください。', 'Enter a whole number from 0 to 1000.'],
    ['invalid', 'limit must be a number from 1 to 200', '1〜200 の整数を入力してください。', 'Enter a whole number from 1 to 200.'],
    ['invalid_format', 'expected 8-64 characters A-Z a-z 0-9 _ -', '英数字・_・- で 8〜64 文字にしてください。', 'Use 8 to 64 letters, digits, _ or -.'],
    ['conflict', 'a site with this id exists', 'このIDのサイトはすでにあります。', /exists already/],
    ['invalid_value', "'Mars/Olympus_Mons' is not a timezone such as \"Asia/Tokyo\"",
      '「Mars/Olympus_Mons」はタイムゾーンではありません（例: Asia/Tokyo）。', '“Mars/Olympus_Mons” is not a timezone (e.g. Asia/Tokyo).'],
    ['invalid_value', "'https://shop.example/' is not a host name such as \"shop.example\" (no scheme, port or path)",
      /^「https:\/\/shop\.example\/」はホスト名ではありません（例: shop\.example。/, /“https:\/\/shop\.example\/” is not a host name/],
    ['duplicate', "'shop.example' is listed twice", '「shop.example」が重複しています。', '“shop.example” is given twice.'],
    ['duplicate', "variant id 'b' is used twice", '「b」が重複しています。', '“b” is given twice.'],
    ['unknown_field', "unknown field 'nmae'; did you mean 'name'?", '「nmae」という項目はありません。「name」のことですか？', 'There is no field “nmae”. Did you mean “name”?'],
    ['unknown_field', "unknown field 'colour'; expected one of id, name, status", '「colour」という項目はありません。使える項目: id, name, status', /fields are: id, name, status/],
    ['unknown_field', "unknown field 'x'", '「x」という項目はありません。', 'There is no field “x”.'],
    ['invalid_value', "unknown status 'on'; expected one of draft, live, paused, ended",
      '「on」は使えません。次のいずれかにしてください: draft, live, paused, ended', '“on” is not allowed. Use one of: draft, live, paused, ended'],
    ['invalid', 'expected one of admin, editor, viewer', '次のいずれかにしてください: admin, editor, viewer', 'Use one of: admin, editor, viewer'],
    ['invalid_value', 'expected fixed or sequential', '次のいずれかにしてください: fixed, sequential', 'Use one of: fixed, sequential'],
    ['unknown_reference', "unknown segment 'vip'", 'セグメント「vip」はありません。', 'There is no segment “vip”.'],
    ['unknown_reference', "unknown campaign 'summer'", '接客サービス「summer」はありません。', 'There is no campaign “summer”.'],
    ['still_referenced', "segment 'carted' is still referenced by campaign 'nudge' at audience.all[0]; change that first",
      'セグメント「carted」は、接客サービス「nudge」（audience.all[0]）が参照しているため削除できません。先にそちらを変更してください。',
      'The segment “carted” cannot be deleted: the campaign “nudge” refers to it (audience.all[0]). Change that first.'],
    ['cycle', 'segment reference cycle: a → b → a', 'セグメントの参照がループしています: a → b → a', /a → b → a/],
    ['invalid_value', 'a session timeout is from one minute (PT1M) to one day (P1D)', /1分（PT1M）から1日（P1D）/, /one minute \(PT1M\)/],
    ['invalid_value', 'end must be after start', '終了は開始より後にしてください。', 'The end must be after the start.'],
    ['invalid_value', 'a range covers at most 366 days', '期間は最大 366 日です。', 'A range covers at most 366 days.'],
    ['invalid_format', "expected a date YYYY-MM-DD, got '2026-13-01'", '日付を YYYY-MM-DD の形で入力してください。', 'Enter a date as YYYY-MM-DD.'],
    ['invalid_value', 'expected a name of 1 to 200 characters', '1〜200 文字で入力してください。', 'Enter 1 to 200 characters.'],
    ['required', 'expected a name of 1-200 characters', '1〜200 文字で入力してください。', 'Enter 1 to 200 characters.'],
    ['invalid', 'at most 100 characters', '100 文字以内にしてください。', 'At most 100 characters.'],
    ['password_too_short', 'a password needs at least 10 characters', 'パスワードは 10 文字以上にしてください。', 'A password needs at least 10 characters.'],
    ['type_mismatch', 'event.cart.in_cart_price.sum (a number) is compared with a number, got a string',
      'event.cart.in_cart_price.sumは数値と比べます（入力されたのは文字列）。', 'event.cart.in_cart_price.sum is compared with a number (this is text).'],
    ['type_mismatch', "'contains' does not apply to visitor.visits (a number); use one of eq, ne, gt",
      '「contains」はvisitor.visitsには使えません。使えるもの: eq, ne, gt', /does not apply to visitor\.visits/],
    ['invalid_type', 'expected a whole number, got a string', '整数を入力してください（入力されたのは文字列）。', 'Enter a whole number (this is text).'],
    ['invalid_type', 'expected a JSON object', 'JSONのオブジェクトを入力してください。', 'Enter a JSON object.'],
    ['invalid_value', 'not a valid regular expression (RE2 syntax): missing closing )', '正規表現（RE2）として正しくありません: missing closing )', /RE2/],
    ['invalid_value', "'25:00' is not a time of day \"HH:MM\" from 00:00 to 24:00", '「25:00」は時刻（HH:MM、00:00〜24:00）ではありません。', /“25:00” is not a time of day/],
    ['forbidden', 'this needs the editor role; you are viewer', 'この操作には「編集者」以上の権限が必要です（あなたは「閲覧者」）。', 'This needs the role “Editor” or higher (you are “Viewer”).'],
    ['unauthorized', 'wrong login or password', 'ログインIDまたはパスワードが違います。', 'Wrong login or password.'],
    ['locked', 'too many failed sign-ins; this account is locked for 15 more minute(s)',
      'ログインの失敗が続いたため、このアカウントはあと 15 分ロックされています。', /locked for 15 more minute/],
    ['rate_limited', 'too many failed sign-ins from your address; try again in 7 minute(s)',
      'この接続元からのログインの失敗が多すぎます。7 分後にもう一度お試しください。', 'Too many failed sign-ins from your address. Try again in 7 minute(s).'],
    ['duplicate', 'another operator already signs in as hanako', 'ログインID「hanako」はほかのユーザーが使っています。', /“hanako”/],
    ['not_found', 'no site shop_x', 'サイト「shop_x」はありません。', 'There is no site “shop_x”.'],
    ['too_large', 'the request is larger than 1048576 bytes', '送る内容が大きすぎます（上限 1048576 バイト）。', /1048576 bytes/],
    ['invite_invalid', "this invitation is unknown, used or expired; ask an administrator for a new one", /招待リンクは使えません/, /unknown, used or expired/],
  ];
  for (const [code, message, ja, en] of cases) {
    it(`${code}: ${message}`, () => {
      setLang('ja');
      const inJa = errorText({ code, message });
      if (typeof ja === 'string') expect(inJa).toBe(ja); else expect(inJa).toMatch(ja);
      setLang('en');
      const inEn = errorText({ code, message });
      if (typeof en === 'string') expect(inEn).toBe(en); else expect(inEn).toMatch(en);
    });
  }

  it('puts the path first when asked (an error shown away from its field)', () => {
    setLang('ja');
    expect(errorText({ path: 'audience.all[1].value', code: 'invalid_type', message: 'expected a whole number, got a string' }, { withPath: true }))
      .toBe('audience.all[1].value: 整数を入力してください（入力されたのは文字列）。');
  });

  it('says how long to wait from Retry-After when the message does not', () => {
    setLang('ja');
    expect(errorText({ code: 'rate_limited', message: 'slow down' }, { retryAfter: 42 })).toBe('リクエストが多すぎます。42 秒後にもう一度お試しください。');
  });
});

describe('errors on the screens', () => {
  const serverError = (status: number, code: string, message: string, p?: string, errors: { path: string; code: string; message: string }[] = []) => {
    const e = new ApiError(status, code, message, p, errors);
    e.server = true;
    return e;
  };

  it('shows the server’s errors at their fields in Japanese, the others at the top with their path', () => {
    setLang('ja');
    const form = h('form', {}, field({ name: 'timeout', label: 'sites.timeout' }));
    document.body.replaceChildren(form);
    showError(form, serverError(400, 'invalid_value', '2 problems', 'timeout', [
      { path: 'timeout', code: 'invalid_value', message: 'expected a whole number from 1 to 1440, got 0' },
      { path: 'spacing.min_seconds', code: 'invalid_value', message: 'expected a whole number from 0 to 2592000, got -1' }]));
    const input = form.querySelector('[name=timeout]')!;
    const slot = document.getElementById(input.getAttribute('aria-describedby')!.split(' ').find((x) => x.endsWith('-error'))!)!;
    expect(slot.textContent).toBe('1〜1440 の整数を入力してください。');
    expect(form.querySelector('[role=alert]')!.textContent).toBe('spacing.min_seconds: 0〜2592000 の整数を入力してください。');
    expect(document.activeElement).toBe(input);
  });

  it('keeps the words of an error the console made itself', () => {
    setLang('ja');
    const form = h('form', {}, field({ name: 'id', label: 'sites.id' }));
    document.body.replaceChildren(form);
    showError(form, new ApiError(400, 'invalid', '対象の種類も選んでください。', 'id'));
    expect(form.querySelector('.field-error')!.textContent).toBe('対象の種類も選んでください。');
  });

  it('gives a screen that places errors itself their words, paths kept', () => {
    setLang('ja');
    expect(errorsInWords(serverError(400, 'invalid_type', '2 problems', 'audience.value', [
      { path: 'audience.value[1]', code: 'type_mismatch', message: 'event.cart.in_cart_price.sum (a number) is compared with a number, got a string' },
      { path: 'x', code: 'brand_new', message: 'as it came' }]))).toEqual([
      { path: 'audience.value[1]', code: 'type_mismatch', message: 'event.cart.in_cart_price.sumは数値と比べます（入力されたのは文字列）。' },
      { path: 'x', code: 'brand_new', message: 'as it came' }]);
    expect(errorsInWords(new ApiError(400, 'conflict', 'このIDはすでに使われています。', 'id'))).toEqual([
      { path: 'id', code: 'conflict', message: 'このIDはすでに使われています。' }]);
  });

  it('says anything thrown in one sentence', () => {
    setLang('ja');
    expect(errorMessage(serverError(403, 'forbidden', 'this needs the admin role; you are editor'))).toBe('この操作には「管理者」以上の権限が必要です（あなたは「編集者」）。');
    expect(errorMessage(new Error('boom'))).toBe('エラーが発生しました: boom');
    expect(errorMessage('??')).toBe('エラーが発生しました');
  });

  it('marks the API’s answers as the server’s and keeps Retry-After', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ error: { code: 'rate_limited', message: 'too many failed sign-ins from your address; try again in 3 minute(s)' } }),
      { status: 429, headers: { 'Retry-After': '150' } })));
    const err = await api('POST', '/api/v1/console/session', {}).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.server).toBe(true);
    expect(err.retryAfter).toBe(150);
    setLang('ja');
    expect(errorMessage(err)).toBe('この接続元からのログインの失敗が多すぎます。3 分後にもう一度お試しください。');
  });
});

describe('"why not?" in words', () => {
  const decider = fs.readFileSync(path.join(repo, 'engine/src/main/java/dev/omotenashi/engine/decision/Decider.java'), 'utf8');
  const reasonEnum = fs.readFileSync(path.join(repo, 'engine/src/main/java/dev/omotenashi/engine/decision/Reason.java'), 'utf8');

  it('has words for every reason of the engine', () => {
    const reasons = [...reasonEnum.matchAll(/^\s+[A-Z_]+\("([a-z_]+)"\)/gm)].map((m) => m[1]);
    expect(reasons.length).toBeGreaterThanOrEqual(9);
    for (const l of ['ja', 'en'] as const) {
      setLang(l);
      for (const r of reasons) expect(reasonLabel(r), `${l} ${r}`).not.toBe(r);
    }
  });

  // [the detail as the Decider builds it (each fragment is checked to be in its source), Japanese, English]
  const details: [string, string[], string | null, string | RegExp | null][] = [
    ['the campaign is not live', ['"the campaign is not live"'], null, null],
    ['outside the schedule', ['"outside the schedule"'], null, null],
    ['the visitor is not in the audience', ['"the visitor is not in the audience"'], null, null],
    ["this page is not one of the campaign's pages", ['"this page is not one of the campaign\'s pages"'], null, null],
    ['a stop rule holds', ['"a stop rule holds"'], null, null],
    ['frequency per session max 1 reached, or already delivered on this page view', ['"frequency per "', '" max "', '" reached, or already delivered on this page view"'],
      'セッションあたり最大 1 回の上限に達したか、このページビューですでに表示しています。', 'At most 1 per session: reached, or already shown on this page view.'],
    ['another modal action has higher priority', ['"another modal action has higher priority"'],
      '優先度の高い別のモーダル（画面を覆う接客）が表示されます。', 'Another modal campaign (one that covers the page) of higher priority is shown.'],
    ['another notice_bar has higher priority', ['"another "', '" has higher priority"'],
      '同じ表示形式（お知らせバー）で優先度の高い別の接客が表示されます。', 'Another campaign of the same format (Notice bar) with higher priority is shown.'],
    ['a placeholder has no value for this visitor (or nothing to recommend)', ['"a placeholder has no value for this visitor (or nothing to recommend)"'],
      '差し込み（{{ … }}）の値がこの訪問者にはありません（または、おすすめする商品がありません）。', /placeholder/],
    ['site spacing since the last delivery', ['"site spacing since the last delivery"'],
      'サイト設定の「接客の間隔」が、前の接客からまだ過ぎていません。', /spacing between campaigns/],
  ];
  for (const [detail, fragments, ja, en] of details) {
    it(detail, () => {
      for (const f of fragments) expect(decider, `Decider.java says ${f}`).toContain(f);
      const reason = detail.startsWith('frequency') ? 'frequency' : detail.includes('priority') ? 'priority' : detail.startsWith('site spacing') ? 'spacing' : undefined;
      setLang('ja');
      expect(reasonDetail(reason, detail)).toBe(ja);
      setLang('en');
      const inEn = reasonDetail(reason, detail);
      if (en instanceof RegExp) expect(inEn).toMatch(en); else expect(inEn).toBe(en);
    });
  }

  it('shows a detail of no known shape as it came', () => {
    setLang('ja');
    expect(reasonDetail('audience', 'a new kind of detail')).toBe('a new kind of detail');
    expect(reasonDetail('audience', undefined)).toBeNull();
  });
});

describe('the preview’s summary (the frames are inert)', () => {
  it('says what the frame drew, as text', () => {
    setLang('ja');
    expect(summaryText('popup', { text: '送料無料まで  あと500円\n詳しく見る' })).toBe('プレビューの内容（ポップアップ）: 送料無料まで あと500円 詳しく見る');
    setLang('en');
    expect(summaryText('popup', { text: '' })).toBe('The preview (Popup) shows no text.');
    expect(summaryText('mystery', { text: '', error: 'unknown template' })).toBe('The preview (mystery) cannot be drawn: unknown template');
  });
});
