// The live count beside an audience builder: how many stored visitors match the condition now
// (POST /api/v1/sites/{site}/audience/count), asked 400 ms after the last change. While it waits it shows "…";
// when the API finds the condition invalid, its errors are shown at the builder's fields (without taking the
// focus from where the operator is typing) and the count says so. The next answer takes off only the marks a
// count put on, never a save's.
import { api, ApiError } from '../../api';
import { h } from '../../dom';
import { t } from '../../i18n';
import { Json } from './condition';
import { showErrors, unmark } from './form';
import { rebase } from './paths';
import { errorMessage, errorsInWords } from '../../errors';

export const COUNT_DELAY_MS = 400;

export interface LiveCount {
  el: HTMLElement;
  /** Counts again after the delay (each call restarts it). */
  schedule(): void;
  /** Counts now. */
  now(): Promise<void>;
}

/**
 * @param condition the condition to count (undefined: everyone)
 * @param scope the builder whose fields show the count's errors
 * @param base the JSON path of the condition in the edited object ('audience' of a campaign, 'condition' of a segment)
 */
export function liveCount(site: string, condition: () => Json, scope: () => HTMLElement | null, base: string): LiveCount {
  const value = h('span', { class: 'count-value' }, '…');
  const note = h('p', { class: 'help count-note', hidden: true });
  const el = h('div', { class: 'live-count', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' },
    h('span', { class: 'count-label' }, t('ed.count.label')), ' ', value, note);
  const fmt = new Intl.NumberFormat();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let asked = 0;
  // the fields this count marked: only those are cleared by the next answer (a save's errors stay)
  let marked: HTMLElement[] = [];
  const clearMarks = () => { unmark(marked); marked = []; };

  const now = async () => {
    if (timer) { clearTimeout(timer); timer = null; }
    const mine = ++asked;
    value.textContent = '…';
    el.setAttribute('aria-busy', 'true');
    const body = { condition: condition() ?? { all: [] } };
    try {
      const r = await api<{ count: number; profiles: number; not_kept?: string[] }>('POST', `/api/v1/sites/${encodeURIComponent(site)}/audience/count`, body);
      if (mine !== asked) return; // a newer question is on its way
      clearMarks();
      value.textContent = t('ed.count.value', { count: fmt.format(r.count), profiles: fmt.format(r.profiles) });
      el.dataset.count = String(r.count);
      el.classList.remove('invalid');
      note.hidden = !r.not_kept?.length;
      note.textContent = r.not_kept?.length ? t('ed.count.notKept', { what: r.not_kept.join(', ') }) : '';
    } catch (err) {
      if (mine !== asked) return;
      delete el.dataset.count;
      el.classList.add('invalid');
      note.hidden = true;
      if (err instanceof ApiError && err.status === 400) {
        const s = scope();
        clearMarks();
        const errors = errorsInWords(err);
        const left = s ? showErrors(s, errors, { focus: false, rename: (p) => rebase(p, 'condition', base), marked }) : errors;
        value.textContent = t('ed.count.invalid');
        if (left.length) { note.hidden = false; note.textContent = left.map((e) => e.message).join(' '); }
      } else {
        value.textContent = `${t('ed.count.failed')}${err instanceof Error ? `: ${errorMessage(err)}` : ''}`;
      }
    } finally {
      if (mine === asked) el.removeAttribute('aria-busy');
    }
  };

  return {
    el,
    now,
    schedule() {
      if (timer) clearTimeout(timer);
      asked++; // an answer to an older question is stale now
      value.textContent = '…';
      el.setAttribute('aria-busy', 'true');
      delete el.dataset.count;
      timer = setTimeout(() => { void now(); }, COUNT_DELAY_MS);
    },
  };
}
