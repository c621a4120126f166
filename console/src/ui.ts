// Shared pieces of the screens: labelled fields, errors shown at their field (in the operator's language:
// errors.ts), notices, copy buttons.
import { ApiError, fieldOf } from './api';
import { h, uid } from './dom';
import { errorMessage, errorsOf, fieldErrorText } from './errors';
import { t, Key } from './i18n';

export interface FieldOptions {
  name: string;
  label: Key;
  type?: string;
  value?: string;
  help?: Key;
  required?: boolean;
  autocomplete?: string;
  multiline?: boolean;
  list?: string;
  min?: number;
  max?: number;
  options?: { value: string; label: string }[];
}

/** A label, its control, optional help and a slot for the control's error (aria-describedby links them). */
export function field(o: FieldOptions): HTMLElement {
  const id = uid(`f-${o.name}`);
  const helpId = o.help ? `${id}-help` : undefined;
  const errId = `${id}-error`;
  const describedBy = [helpId].filter(Boolean).join(' ') || undefined;
  let control: HTMLElement;
  if (o.options) {
    control = h('select', { id, name: o.name, 'aria-describedby': describedBy },
      o.options.map((op) => h('option', { value: op.value, selected: op.value === o.value }, op.label)));
  } else if (o.multiline) {
    control = h('textarea', { id, name: o.name, rows: 3, required: o.required, 'aria-describedby': describedBy }, o.value ?? '');
  } else {
    control = h('input', {
      id, name: o.name, type: o.type ?? 'text', value: o.value ?? '', required: o.required, autocomplete: o.autocomplete,
      list: o.list, min: o.min, max: o.max, 'aria-describedby': describedBy,
    });
  }
  control.dataset.errorId = errId;
  return h('div', { class: 'field' },
    h('label', { for: id }, t(o.label), o.required ? null : h('span', { class: 'optional' }, ` (${t('common.optional')})`)),
    control,
    o.help ? h('p', { class: 'help', id: helpId }, t(o.help)) : null,
    h('p', { class: 'field-error', id: errId, hidden: true }));
}

/** Clears the errors a form shows. */
export function clearErrors(form: HTMLElement): void {
  form.querySelectorAll<HTMLElement>('.field-error').forEach((p) => { p.hidden = true; p.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((c) => {
    c.removeAttribute('aria-invalid');
    const d = (c.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => !x.endsWith('-error')).join(' ');
    if (d) c.setAttribute('aria-describedby', d); else c.removeAttribute('aria-describedby');
  });
  form.querySelectorAll('.form-error').forEach((e) => e.remove());
}

/**
 * Shows an API error: each error with a path at the control of that name (aria-invalid, described by the
 * message), the first such control focused; anything else as an alert at the top of the form (a validation
 * error there with its path). The server's messages are shown in the operator's language (errors.ts);
 * `messageFor` may put other words on an error.
 */
export function showError(form: HTMLElement, err: unknown, messageFor?: (e: ApiError) => string | null): void {
  clearErrors(form);
  if (!(err instanceof ApiError)) {
    form.prepend(alert(errorMessage(err)));
    return;
  }
  let first: HTMLElement | null = null;
  const unplaced: string[] = [];
  for (const e of errorsOf(err)) {
    // the control named by the whole path ("spacing.min_seconds"), else by its first segment ("domains[1]" → "domains")
    const exact = e.path && /^[\w.-]+$/.test(e.path) ? form.querySelector<HTMLElement>(`[name="${e.path}"]`) : null;
    const name = fieldOf(e.path);
    const control = exact ?? (name && /^[\w-]+$/.test(name) ? form.querySelector<HTMLElement>(`[name="${name}"]`) : null);
    const own = messageFor ? messageFor(err) : null;
    if (!control) { unplaced.push(own || fieldErrorText(err, e, { withPath: err.errors.length > 0 })); continue; }
    const text = own || fieldErrorText(err, e);
    const p = document.getElementById(control.dataset.errorId ?? '');
    if (p) {
      p.textContent = text;
      p.hidden = false;
      control.setAttribute('aria-invalid', 'true');
      control.setAttribute('aria-describedby', [control.getAttribute('aria-describedby'), p.id].filter(Boolean).join(' '));
    }
    first = first ?? control;
  }
  if (unplaced.length) form.prepend(alert(unplaced.join(' ')));
  if (first) first.focus();
}

export function alert(text: string): HTMLElement {
  return h('div', { class: 'form-error notice error', role: 'alert' }, text);
}

export function notice(text: string, kind: 'ok' | 'error' | 'info' = 'ok'): HTMLElement {
  return h('div', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}

export function copyButton(text: () => string): HTMLButtonElement {
  const b = h('button', { type: 'button', class: 'secondary' }, t('common.copy'));
  b.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(text());
      b.textContent = t('common.copied');
    } catch {
      b.textContent = t('common.copy');
    }
  });
  return b;
}

export function formValues(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  new FormData(form).forEach((v, k) => { out[k] = String(v); });
  return out;
}

/** Disables a form's submit button while the work runs. */
export async function busy<T>(form: HTMLFormElement, work: () => Promise<T>): Promise<T> {
  const buttons = Array.from(form.querySelectorAll<HTMLButtonElement>('button[type=submit]'));
  buttons.forEach((b) => { b.disabled = true; });
  try {
    return await work();
  } finally {
    buttons.forEach((b) => { b.disabled = false; });
  }
}

export function heading(key: Key, lead?: Key): HTMLElement[] {
  return [h('h1', { tabindex: -1, id: 'page-title' }, t(key)), lead ? h('p', { class: 'lead' }, t(lead)) : null].filter(Boolean) as HTMLElement[];
}
