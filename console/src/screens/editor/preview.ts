// The live preview: two sandboxed frames of the preview page (frame.ts, the tag's own renderer), one the size
// of a desktop browser (1280×800) and one of a smartphone (390×844), each scaled down to fit the editor. The
// console sends them the action to draw; what they draw is exactly what the tag draws on a shop page.
//
// The frames are pictures, not part of the form: `inert` (and tabindex -1) keeps the keyboard out of them — a
// modal drawn there keeps Tab inside itself, as it should on a shop page, which in the editor would be a trap —
// and keeps them out of the accessibility tree; what they show is said instead by a text summary beside them,
// the drawn action's text as the desktop frame reports it (frame.ts).
import { h } from '../../dom';
import { dictionaries, lang, t, Key } from '../../i18n';
import type { DrawnMessage, PreviewMessage } from './frame';

declare const __PREVIEW_PAGE__: string;
/** The preview page's file name (build.mjs gives it a content hash). */
const PAGE = typeof __PREVIEW_PAGE__ === 'string' ? __PREVIEW_PAGE__ : 'preview.html';

interface Device { name: 'desktop' | 'phone'; width: number; height: number; max: number }
const DEVICES: Device[] = [
  { name: 'desktop', width: 1280, height: 800, max: 1 },
  { name: 'phone', width: 390, height: 844, max: 0.75 },
];

export interface Preview {
  el: HTMLElement;
  /** Draws an action (content escaped as the server delivers it) in both frames. */
  show(action: PreviewMessage['action']): void;
}

/** "Preview (popup): <the text it shows>", from what the desktop frame drew (set as text, never markup). */
export function summaryText(template: string, drawn: Partial<DrawnMessage>): string {
  const key = `ed.tpl.${template}`;
  const name = key in dictionaries.ja ? t(key as Key) : template;
  if (typeof drawn.error === 'string' && drawn.error) return t('preview.summary.error', { template: name, error: drawn.error.slice(0, 300) });
  const text = typeof drawn.text === 'string' ? drawn.text.replace(/\s+/g, ' ').trim().slice(0, 500) : '';
  return text ? t('preview.summary', { template: name, text }) : t('preview.summary.empty', { template: name });
}

export function previewFrames(): Preview {
  let last: PreviewMessage | null = null;
  const frames: HTMLIFrameElement[] = [];
  const screens: HTMLElement[] = [];
  const send = (f: HTMLIFrameElement) => { if (last) f.contentWindow?.postMessage(last, '*'); };
  const cells = DEVICES.map((d) => {
    const frame = h('iframe', {
      src: `/console/${PAGE}`, width: d.width, height: d.height, sandbox: 'allow-scripts', referrerpolicy: 'no-referrer',
      title: t(d.name === 'desktop' ? 'ed.preview.desktop' : 'ed.preview.phone'), 'data-device': d.name, loading: 'eager',
      tabindex: -1, inert: true,
    }) as HTMLIFrameElement;
    frames.push(frame);
    const screen = h('div', { class: 'screen' }, frame);
    screens.push(screen);
    return h('figure', { class: `device ${d.name}` }, screen,
      h('figcaption', {}, t(d.name === 'desktop' ? 'ed.preview.desktop' : 'ed.preview.phone'), ` (${d.width}×${d.height})`));
  });
  const replay = h('button', { type: 'button', class: 'secondary' }, t('ed.preview.replay'));
  replay.addEventListener('click', () => frames.forEach(send));
  // what the frames show, for assistive technology (the frames themselves are inert)
  const summary = h('p', { class: 'sr-only', 'data-preview-summary': '' }, t('preview.summary.none'));
  const el = h('div', { class: 'preview' }, summary, h('div', { class: 'devices' }, cells), h('div', { class: 'actions' }, replay));

  // scale each frame to its cell (through the CSSOM: the console's CSP allows no style attributes)
  const fit = () => {
    DEVICES.forEach((d, i) => {
      const avail = screens[i].parentElement!.clientWidth;
      if (!avail) return;
      const scale = Math.min(d.max, avail / d.width);
      frames[i].style.transform = `scale(${scale})`;
      screens[i].style.width = `${Math.floor(d.width * scale)}px`;
      screens[i].style.height = `${Math.floor(d.height * scale)}px`;
    });
  };
  if (typeof ResizeObserver !== 'undefined') new ResizeObserver(fit).observe(el);

  const onMessage = (e: MessageEvent) => {
    if (!el.isConnected) { window.removeEventListener('message', onMessage); return; }
    const i = frames.findIndex((f) => f.contentWindow === e.source);
    if (i >= 0 && e.data?.type === 'omotenashi-preview-ready') send(frames[i]);
    if (i === 0 && e.data?.type === 'omotenashi-preview-drawn' && last) summary.textContent = summaryText(last.action.template, e.data as DrawnMessage);
  };
  window.addEventListener('message', onMessage);

  return {
    el,
    show(action) {
      last = { type: 'omotenashi-preview', lang: lang(), action };
      frames.forEach(send);
      fit();
    },
  };
}
