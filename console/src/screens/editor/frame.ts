// The campaign editor's preview page (preview-[hash].html): the tag's own renderer — tag/src/render.ts, the
// module the tag jar's render.js is built from — drawing one action on a stand-in shop page. The console loads
// it in sandboxed iframes (an opaque origin: nothing in it can reach the console's cookies or DOM) sized as a
// desktop and a smartphone, and sends it the action to show with postMessage. Built as a classic script, as a
// sandboxed frame could not load a module script without CORS.
import { render, View } from '../../../../tag/src/render';

export interface PreviewMessage { type: 'omotenashi-preview'; lang: 'ja' | 'en'; action: { template: string; content: Record<string, unknown> } }
/** What the frame tells the console after drawing: the action's visible text (for the summary beside the inert frames), or the error. */
export interface DrawnMessage { type: 'omotenashi-preview-drawn'; text: string; error?: string }

let view: View | null = null;

// The renderer focuses a modal's first control, as it should on a shop page; in a preview that would take the
// focus away from the field the operator is typing in. Programmatic focus works only once the frame has the
// focus — which it never gets from the keyboard: the console makes the frames inert (preview.ts), so Tab passes
// over them instead of into a modal's focus trap.
const focus = HTMLElement.prototype.focus;
HTMLElement.prototype.focus = function (this: HTMLElement, options?: FocusOptions) {
  if (document.hasFocus()) focus.call(this, options);
};

// Links in the preview go nowhere: the stand-in page has no shop behind it.
document.addEventListener('click', (e) => {
  if (e.composedPath().some((n) => n instanceof HTMLAnchorElement)) e.preventDefault();
}, true);
document.addEventListener('submit', (e) => e.preventDefault(), true);

function show(m: PreviewMessage): void {
  document.documentElement.lang = m.lang;
  view?.remove();
  view = null;
  const status = document.getElementById('status')!;
  status.textContent = '';
  let drawn: DrawnMessage;
  try {
    view = render({ campaign: 'preview', template: m.action.template, content: m.action.content }, () => {}, document.body);
    drawn = { type: 'omotenashi-preview-drawn', text: visibleText(view.host) };
  } catch (err) {
    status.textContent = err instanceof Error ? err.message : String(err);
    drawn = { type: 'omotenashi-preview-drawn', text: '', error: status.textContent };
  }
  window.parent.postMessage(drawn, '*');
}

/** The text a visitor sees in the drawn action (its shadow root), without the close button's ×. */
function visibleText(host: HTMLElement): string {
  const top = host.shadowRoot?.querySelector<HTMLElement>('.w');
  const text = top ? top.innerText || top.textContent || '' : '';
  return text.split('\n').map((l) => l.trim()).filter((l) => l && l !== '×').join(' ').slice(0, 1000);
}

window.addEventListener('message', (e) => {
  if (e.source !== window.parent) return;
  const m = e.data as PreviewMessage;
  if (m && m.type === 'omotenashi-preview' && m.action && typeof m.action.template === 'string') show(m);
});
window.parent.postMessage({ type: 'omotenashi-preview-ready' }, '*');
