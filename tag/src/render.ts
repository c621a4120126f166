/**
 * The renderer of the built-in templates (docs/templates.md): one action becomes one
 * `<omotenashi-action>` element whose open shadow root holds the markup and the style, so the shop's CSS
 * and ours never meet. Content strings are set as text (see text.ts); only the `html` template's `html`
 * field is markup. No inline handlers, no `style` attributes, no eval: it works under a strict CSP.
 *
 * Exported on its own (`render.js`) so that the console can show live previews with the same code.
 */
import { css } from './style';
import { text, url } from './text';

export interface ActionLike {
  action?: string;
  campaign?: string;
  variant?: string;
  template: string;
  content?: Record<string, any>;
}

/** What the visitor did: `clicked` (extra: `href`, `item_id`), `closed`, `submitted` (extra: `fields`). */
export type Report = (kind: 'clicked' | 'closed' | 'submitted', extra?: Record<string, unknown>) => void;

export interface View {
  host: HTMLElement;
  modal: boolean;
  /** Removes the action without reporting anything. */
  remove(): void;
}

/** Templates that cover the page: at most one is shown at a time. */
export const MODAL = ['popup', 'coupon', 'survey', 'recommendation'];

const JA = () => /^ja/i.test(document.documentElement.lang || navigator.language);
const LABELS = {
  close: ['閉じる', 'Close'],
  more: ['詳しく見る', 'Learn more'],
  copy: ['コードをコピー', 'Copy the code'],
  copied: ['コピーしました', 'Copied'],
  code: ['クーポンコード', 'Coupon code'],
  shop: ['お買い物へ', 'Shop now'],
  send: ['送信', 'Send'],
  thanks: ['ご回答ありがとうございました', 'Thank you!'],
  chat: ['チャットで相談する', 'Chat with us'],
  notice: ['お知らせ', 'Notice'],
  choose: ['選択してください', 'Choose'],
};

type Kid = Node | string | null | undefined | false;

/** An element; `on*` props become listeners, `text` sets textContent, others are attributes (null: none). */
function h(tag: string, props?: Record<string, any> | null, ...kids: any[]): HTMLElement {
  const el = document.createElement(tag);
  for (const k in props) {
    const v = props[k];
    if (v == null || v === false) continue;
    if (k[0] == 'o' && k[1] == 'n') el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const kid of kids.flat(2)) if (kid != null && kid !== false && kid !== '') el.append(kid);
  return el;
}

let sheet: CSSStyleSheet | undefined;

/** Constructable stylesheet (allowed by a CSP without 'unsafe-inline'), else a `<style>` with the page's nonce. */
function style(root: ShadowRoot): void {
  try {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    }
    root.adoptedStyleSheets = [sheet];
    return;
  } catch {
    /* an older browser, or another document (a preview frame) */
  }
  const s = document.createElement('style');
  const nonce = document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce;
  if (nonce) s.nonce = nonce;
  s.textContent = css;
  root.append(s);
}

const FOCUSABLE = 'a[href],button,input,select,textarea,[tabindex]:not([tabindex="-1"])';

/**
 * Renders an action into `parent` (the page's body by default) and returns its view. Throws on an
 * unknown template. `report` hears what the visitor does with it; a click or a survey removes nothing by
 * itself except where the template says (a link click and the close button remove the action).
 */
export function render(a: ActionLike, report: Report = () => {}, parent: Element = document.body): View {
  const c = a.content || {};
  const ja = JA();
  const L = (k: keyof typeof LABELS) => LABELS[k][ja ? 0 : 1];
  const modal = MODAL.includes(a.template);
  const host = h('omotenashi-action', { 'data-campaign': a.campaign, 'data-template': a.template, 'data-modal': modal });
  const root = host.attachShadow({ mode: 'open' });
  const before = document.activeElement as HTMLElement | null;
  let gone = false;
  const remove = () => {
    if (gone) return;
    gone = true;
    host.remove();
    if (modal) before?.focus?.();
  };
  const closeBy = (kind: 'clicked' | 'closed', extra?: Record<string, unknown>) => {
    report(kind, extra);
    remove();
  };
  const x = h('button', { type: 'button', class: 'x', 'aria-label': L('close'), onclick: () => closeBy('closed') }, '×');

  const title = text(c.title);
  const body = text(c.text);
  const link = url(c.link);
  const img = (src: unknown, alt?: unknown) => {
    const u = url(src, true);
    return u && h('img', { src: u, alt: text(alt), loading: 'lazy' });
  };
  const heading = title && h('h2', { id: 'l' }, title);
  const para = body && h('p', { id: title ? null : 'l' }, body);
  // A link leaves with the click reported; a button without a link just acknowledges and closes.
  const button = (label: string) =>
    link
      ? h('a', { class: 'bt', href: link, onclick: () => closeBy('clicked', { href: link }) }, label)
      : label && h('button', { type: 'button', class: 'bt', onclick: () => closeBy('clicked') }, label);
  const dialog = (cls: string, kids: Kid[], isModal = true) =>
    h('div', { class: cls, role: 'dialog', 'aria-modal': isModal ? 'true' : null, 'aria-labelledby': title || body ? 'l' : null,
      'aria-label': title || body ? null : L('notice') }, x, ...kids);

  let top: HTMLElement;
  let edge: 'top' | 'bottom' | undefined;
  switch (a.template) {
    case 'popup':
      top = dialog('dl', [img(c.image), heading, para, button(text(c.button_text) || (link ? L('more') : ''))]);
      break;
    case 'coupon': {
      const code = text(c.code);
      const field = h('input', { class: 'cd', readonly: true, value: code, 'aria-label': L('code') }) as HTMLInputElement;
      const copy = h('button', { type: 'button', class: 'bt', onclick: () => {
        const done = () => (copy.textContent = L('copied'));
        field.select();
        navigator.clipboard?.writeText(code).then(done, () => document.execCommand?.('copy') && done())
          ?? (document.execCommand?.('copy') && done());
        report('clicked');
      } }, text(c.button_text) || L('copy'));
      top = dialog('dl', [heading, para, field, copy,
        link && h('a', { class: 'ln', href: link, onclick: () => closeBy('clicked', { href: link }) }, L('shop'))]);
      break;
    }
    case 'survey': {
      const fields: any[] = Array.isArray(c.fields) ? c.fields : [];
      const form = h('form', { onsubmit: (e: Event) => {
        e.preventDefault();
        const out: Record<string, unknown> = {};
        for (const f of fields) {
          const el = (form as HTMLFormElement).elements.namedItem(text(f.name)) as any;
          if (!el) continue;
          const v = f.type == 'checkbox' ? el.checked : el.value;
          if (v === '') continue;
          out[text(f.name)] = f.type == 'number' ? Number(v) : v;
        }
        report('submitted', { fields: out });
        form.replaceWith(h('p', { role: 'status' }, text(c.thanks_text) || L('thanks')));
        x.focus();
      } }, fields.map((f, i) => {
        const id = 'f' + i;
        const name = text(f.name);
        const label = text(f.label);
        const req = f.required === true;
        const opts: string[] = Array.isArray(f.options) ? f.options.map(text) : [];
        switch (f.type) {
          case 'checkbox':
            return h('label', { class: 'ch' }, h('input', { type: 'checkbox', name, id }), label);
          case 'radio':
            return h('fieldset', null, h('legend', null, label),
              opts.map((o) => h('label', { class: 'ch' }, h('input', { type: 'radio', name, value: o, required: req }), o)));
          default:
            return [h('label', { for: id }, label),
              f.type == 'select'
                ? h('select', { id, name, required: req }, h('option', { value: '' }, L('choose')), opts.map((o) => h('option', { value: o }, o)))
                : f.type == 'textarea'
                  ? h('textarea', { id, name, required: req, rows: 3 })
                  : h('input', { id, name, required: req, type: ['number', 'email', 'tel'].includes(f.type) ? f.type : 'text',
                    step: f.type == 'number' ? 'any' : null })];
        }
      }), h('button', { type: 'submit', class: 'bt' }, text(c.submit_text) || L('send')));
      top = dialog('dl', [heading, para, form]);
      break;
    }
    case 'recommendation': {
      const items: any[] = Array.isArray(c.items) ? c.items : [];
      const price = (p: unknown) =>
        typeof p == 'number' && h('span', { class: 'pr' }, new Intl.NumberFormat(ja ? 'ja-JP' : 'en', { style: 'currency', currency: 'JPY' }).format(p));
      top = dialog('dl rc', [heading, h('ul', null, items.map((it) => {
        const href = url(it && it.url);
        return href && h('li', null, h('a', { href, onclick: () => closeBy('clicked', { href, item_id: text(it.item_id) }) },
          img(it.image, it.name), h('span', null, text(it.name)), price(it.price)));
      }))]);
      break;
    }
    case 'banner':
    case 'notice_bar': {
      const inner = [a.template == 'banner' && img(c.image, c.alt), para];
      edge = c.position == 'bottom' ? 'bottom' : 'top';
      top = h('div', { class: `bar ${a.template == 'banner' ? 'bn ' : ''}${edge}`,
        role: 'region', 'aria-label': text(c.alt) || body || L('notice') },
        link ? h('a', { href: link, onclick: () => closeBy('clicked', { href: link }) }, inner) : inner, x);
      break;
    }
    case 'slide_in':
      top = dialog(`si ${c.position == 'bottom_left' ? 'left' : ''}`,
        [img(c.image), heading, para, button(text(c.button_text) || (link ? L('more') : ''))], false);
      break;
    case 'call_button': {
      const tel = text(c.tel);
      const href = 'tel:' + tel.replace(/[^\d+]/g, '');
      top = h('div', { class: 'cb', role: 'region', 'aria-label': text(c.text) || tel },
        h('a', { class: 'bt', href, onclick: () => report('clicked', { href }) }, '☎ ' + (text(c.text) || tel)), x);
      break;
    }
    case 'chat_invite': {
      const name = text(c.operator_name);
      top = dialog('si', [(name || c.avatar) && h('div', { class: 'op' }, img(c.avatar, ''), name), heading, para,
        h('button', { type: 'button', class: 'bt', onclick: () => closeBy('clicked') }, text(c.button_text) || L('chat'))], false);
      break;
    }
    case 'html': {
      const t = document.createElement('template');
      t.innerHTML = typeof c.html == 'string' ? c.html : '';
      scrub(t.content);
      top = h('div', { class: 'si hb', role: 'region', 'aria-label': L('notice'), onclick: (e: Event) => {
        const href = (e.target as Element).closest?.('a')?.getAttribute('href');
        if (href) closeBy('clicked', { href });
      } }, x, t.content);
      break;
    }
    default:
      throw new Error('unknown template ' + a.template);
  }
  top.classList.add('w');
  top.setAttribute('lang', document.documentElement.lang || (ja ? 'ja' : 'en'));
  if (modal) {
    top = h('div', { class: 'ov w', onclick: (e: Event) => e.target == top && closeBy('closed') }, top);
  }
  // Esc closes; Tab stays inside a modal dialog
  top.addEventListener('keydown', (e: KeyboardEvent) => {
    if (e.key == 'Escape') {
      e.stopPropagation();
      closeBy('closed');
    } else if (e.key == 'Tab' && modal) {
      const all = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !(el as any).disabled);
      const first = all[0];
      const last = all[all.length - 1];
      const at = root.activeElement;
      if (e.shiftKey ? at == first || !at : at == last || !at) {
        e.preventDefault();
        (e.shiftKey ? last : first)?.focus();
      }
    }
  });
  style(root);
  root.append(top);
  // what shares an edge of the screen stacks instead of covering each other (set through the CSSOM,
  // which CSP allows, unlike style attributes)
  let offset = 0;
  if (!modal) {
    edge ||= 'bottom';
    host.dataset.edge = edge;
    parent.querySelectorAll(`omotenashi-action[data-edge=${edge}]`).forEach((o) => {
      const el = o.shadowRoot?.querySelector('.w') as HTMLElement | null;
      if (el) offset += el.offsetHeight + (el.classList.contains('bar') ? 0 : 8);
    });
  }
  parent.append(host);
  if (offset) top.style[edge!] = (parseFloat(getComputedStyle(top)[edge!]) || 0) + offset + 'px';
  if (modal) ([...root.querySelectorAll<HTMLElement>(FOCUSABLE)].find((el) => el != x) || x).focus();
  return { host, modal, remove };
}

/**
 * The `html` template is the operator's own markup and is kept (docs/rendering.md), but nothing in it
 * runs: `<script>` never runs when parsed this way, and the tag also drops inline handlers (`on…`),
 * `javascript:` URLs and frames of script, so the same content behaves alike with and without a CSP.
 */
function scrub(f: DocumentFragment): void {
  f.querySelectorAll('script,iframe,object,embed,base,meta,link').forEach((el) => el.remove());
  f.querySelectorAll('*').forEach((el) => {
    for (const at of [...el.attributes]) {
      const n = at.name.toLowerCase();
      if (n.startsWith('on') || (/^(href|src|action|formaction|xlink:href|srcdoc)$/.test(n) && (n == 'srcdoc' || !url(at.value)))) {
        el.removeAttribute(at.name);
      }
    }
  });
}
