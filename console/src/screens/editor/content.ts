// What each built-in template's `content` takes (docs/templates.md; the server's ContentSchema is the
// contract, keep the two in step), and the content a preview renders: placeholders replaced by sample values,
// every string HTML-escaped exactly as the server escapes it before delivery (the tag's renderer undoes exactly
// that one level), so the preview shows what a visitor would see.
import { Json } from './condition';

export const TEMPLATES = ['popup', 'banner', 'slide_in', 'notice_bar', 'coupon', 'survey', 'recommendation', 'call_button',
  'chat_invite', 'html'] as const;
export type TemplateName = typeof TEMPLATES[number];

export type FieldKind = 'text' | 'multiline' | 'link' | 'image' | 'choice' | 'count' | 'tel' | 'html' | 'survey';
export interface FieldSpec { name: string; kind: FieldKind; required?: boolean; choices?: string[]; min?: number; max?: number; dflt?: string }

const title: FieldSpec = { name: 'title', kind: 'text' };
const text: FieldSpec = { name: 'text', kind: 'multiline' };
const link: FieldSpec = { name: 'link', kind: 'link' };
const image: FieldSpec = { name: 'image', kind: 'image' };
const button: FieldSpec = { name: 'button_text', kind: 'text' };

export const FIELDS: Record<TemplateName, FieldSpec[]> = {
  popup: [title, text, image, button, link],
  banner: [text, image, { name: 'alt', kind: 'text' }, link, { name: 'position', kind: 'choice', choices: ['top', 'bottom'], dflt: 'top' }],
  slide_in: [title, text, image, button, link, { name: 'position', kind: 'choice', choices: ['bottom_right', 'bottom_left'], dflt: 'bottom_right' }],
  notice_bar: [{ ...text, required: true }, link, { name: 'position', kind: 'choice', choices: ['top', 'bottom'], dflt: 'top' }],
  coupon: [{ name: 'code', kind: 'text', required: true }, title, text, button, link],
  survey: [{ name: 'fields', kind: 'survey', required: true }, title, text, { name: 'submit_text', kind: 'text' }, { name: 'thanks_text', kind: 'text' }],
  recommendation: [title, { name: 'source', kind: 'choice', choices: ['recent', 'popular', 'mixed'], dflt: 'mixed' },
    { name: 'limit', kind: 'count', min: 1, max: 20, dflt: '4' }],
  call_button: [{ name: 'tel', kind: 'tel', required: true }, { name: 'text', kind: 'text' }],
  chat_invite: [{ name: 'text', kind: 'multiline', required: true }, title, button, { name: 'operator_name', kind: 'text' }, { name: 'avatar', kind: 'image' }],
  html: [{ name: 'html', kind: 'html', required: true }],
};

export const SURVEY_TYPES = ['text', 'textarea', 'number', 'email', 'tel', 'select', 'radio', 'checkbox'] as const;

export function isTemplate(name: unknown): name is TemplateName {
  return typeof name === 'string' && (TEMPLATES as readonly string[]).includes(name);
}

/** A new creative of a template with content to start from (what each template requires). */
export function starterContent(template: TemplateName, ja: boolean): Record<string, Json> {
  const say = (j: string, e: string) => (ja ? j : e);
  switch (template) {
    case 'popup': case 'slide_in': return { title: say('ようこそ！', 'Welcome!'), text: say('はじめての方へのご案内です。', 'A word for first-time visitors.') };
    case 'banner': return { text: say('セール開催中', 'Sale now on') };
    case 'notice_bar': return { text: say('本日 3,000円以上で送料無料', 'Free shipping over 3,000 yen today') };
    case 'coupon': return { code: 'WELCOME500', title: say('クーポンをどうぞ', 'A coupon for you') };
    case 'survey': return { title: say('アンケート', 'A quick question'), fields: [{ name: 'q1', label: say('ご意見をお聞かせください', 'What do you think?'), type: 'text', trait: 'q1' }] };
    case 'recommendation': return { title: say('あなたへのおすすめ', 'Recommended for you') };
    case 'call_button': return { tel: '0120-000-000', text: say('お電話でのご相談', 'Call us') };
    case 'chat_invite': return { text: say('何かお困りですか？', 'Can we help?') };
    case 'html': return { html: '<p>…</p>' };
  }
}

/**
 * The content after the template changed: the fields the new template also takes (with a value it takes) are kept, the others dropped
 * (the API would refuse them); a required field still missing starts from the new template's starter.
 */
export function switchTemplate(content: Record<string, Json>, to: TemplateName, ja: boolean): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(content ?? {})) {
    const f = FIELDS[to].find((x) => x.name === k);
    if (f && (f.kind !== 'choice' || f.choices!.includes(v))) out[k] = v; // a banner's "top" is no slide-in position
  }
  const starter = starterContent(to, ja);
  for (const f of FIELDS[to]) if (f.required && out[f.name] === undefined) out[f.name] = starter[f.name];
  if (Object.keys(out).length === 0) return starter;
  return out;
}

// ---- placeholders ------------------------------------------------------------------------------------

/** The `{{ expression }}` placeholders of every string in a content, trimmed, each once, in order. */
export function placeholders(content: Json): string[] {
  const out: string[] = [];
  const walk = (v: Json) => {
    if (typeof v === 'string') {
      for (const part of split(v)) if (part.expr !== undefined && !out.includes(part.expr)) out.push(part.expr);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(content);
  return out;
}

/** A string's literal text and placeholders; a placeholder opens with {{ and closes at the next }} (an unclosed one is text). */
export function split(s: string): { text?: string; expr?: string }[] {
  const parts: { text?: string; expr?: string }[] = [];
  let i = 0;
  while (i < s.length) {
    const open = s.indexOf('{{', i);
    const close = open < 0 ? -1 : s.indexOf('}}', open + 2);
    if (open < 0 || close < 0) { parts.push({ text: s.slice(i) }); break; }
    if (open > i) parts.push({ text: s.slice(i, open) });
    parts.push({ expr: s.slice(open + 2, close).trim() });
    i = close + 2;
  }
  return parts;
}

/** Sample values of paths for previews: what a typical visitor's data could be. */
function sampleOfPath(path: string): number | string {
  const agg = /^event\.[^.]+\.(?:[^.]+\.)?(\w+)$/.exec(path)?.[1];
  if (agg === 'count') return 3;
  if (agg && ['sum', 'min', 'max', 'avg', 'latest', 'first'].includes(agg)) return 4500;
  if (path === 'visitor.visits') return 3;
  if (path === 'session.pv') return 2;
  if (path === 'session.duration') return 120;
  return `‹${path.split('.').pop()}›`;
}

/**
 * A sample value for a placeholder's expression: its default when it has one (`?? "ゲスト"`), else the expression
 * computed over sample data (`5000 - event.cart.in_cart_price.latest` → 500), else the last part of its path in
 * angle quotes (`user.member_rank` → ‹member_rank›). The editor lets the operator change each one.
 */
export function sampleFor(expr: string): string {
  const dflt = /\?\?\s*(?:"([^"]*)"|'([^']*)'|(-?\d+(?:\.\d+)?))\s*$/.exec(expr);
  if (dflt) return dflt[1] ?? dflt[2] ?? dflt[3];
  const v = evaluate(expr);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(2).replace(/\.?0+$/, '');
  if (typeof v === 'string') return v;
  return `‹${expr}›`;
}

/** Arithmetic over numbers, strings and paths (+ - * / and parentheses); undefined for anything else. */
function evaluate(expr: string): number | string | undefined {
  const tokens = expr.match(/\s*(\d+(?:\.\d+)?|"[^"]*"|'[^']*'|[A-Za-z_][\w.]*|[-+*/()])/g)?.map((t) => t.trim());
  if (!tokens || tokens.join('') !== expr.replace(/\s+/g, '')) return undefined;
  let i = 0;
  const atom = (): number | string | undefined => {
    const t = tokens[i++];
    if (t === undefined) return undefined;
    if (t === '(') { const v = sum(); return tokens[i++] === ')' ? v : undefined; }
    if (t === '-') { const v = atom(); return typeof v === 'number' ? -v : undefined; }
    if (/^\d/.test(t)) return Number(t);
    if (/^["']/.test(t)) return t.slice(1, -1);
    if (/^[A-Za-z_]/.test(t)) return sampleOfPath(t);
    return undefined;
  };
  const product = (): number | string | undefined => {
    let v = atom();
    while (tokens[i] === '*' || tokens[i] === '/') {
      const op = tokens[i++];
      const r = atom();
      if (typeof v !== 'number' || typeof r !== 'number') return undefined;
      v = op === '*' ? v * r : v / r;
    }
    return v;
  };
  const sum = (): number | string | undefined => {
    let v = product();
    while (tokens[i] === '+' || tokens[i] === '-') {
      const op = tokens[i++];
      const r = product();
      if (v === undefined || r === undefined) return undefined;
      if (op === '+') v = typeof v === 'number' && typeof r === 'number' ? v + r : String(v) + String(r);
      else if (typeof v === 'number' && typeof r === 'number') v = v - r;
      else return undefined;
    }
    return v;
  };
  const v = sum();
  return i === tokens.length && (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) ? v : undefined;
}

// ---- what the preview renders --------------------------------------------------------------------------

/** The server's escaping (engine Html.escape): & < > " ' only. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]!));
}

/** Items a recommendation's preview shows in place of the ones the server would choose. */
export function sampleItems(ja: boolean, n: number): Json[] {
  return Array.from({ length: Math.max(1, Math.min(n, 8)) }, (_, i) => ({
    item_id: `sample-${i + 1}`, name: ja ? `サンプル商品 ${i + 1}` : `Sample item ${i + 1}`, price: 1980 + i * 1000, url: '#',
  }));
}

/**
 * A creative's content as the server delivers it to a visitor whose data gives `samples` (expression → value):
 * every string rendered with its placeholders replaced and HTML-escaped whole, except the `html` template's
 * `html`, whose literal markup is the operator's own and only the placeholder values are escaped
 * (engine CreativeRenderer). A recommendation gets sample items, as the server answers with real ones.
 */
export function previewContent(template: string, content: Json, samples: Record<string, string>, ja: boolean): Record<string, Json> {
  const render = (s: string, raw: boolean) => split(s).map((p) => {
    if (p.expr === undefined) return raw ? p.text! : escapeHtml(p.text!);
    return escapeHtml(samples[p.expr] ?? sampleFor(p.expr));
  }).join('');
  const walk = (v: Json, path: string): Json => {
    if (typeof v === 'string') return render(v, template === 'html' && path === 'html');
    if (Array.isArray(v)) return v.map((x, i) => walk(x, `${path}[${i}]`));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, path ? `${path}.${k}` : k)]));
    return v;
  };
  const out = walk(content ?? {}, '') as Record<string, Json>;
  if (template === 'recommendation') {
    out.items = sampleItems(ja, typeof content?.limit === 'number' ? content.limit : 4)
      .map((it) => ({ ...it, name: escapeHtml(it.name), url: it.url }));
  }
  return out;
}
