// The editors' building blocks: labelled native controls bound to a place in the JSON being edited (every
// control is named by the JSON path of its value, which is how API errors find it), errors shown at their
// control, and the unsaved-changes guard.
import { ApiError, FieldError, api } from '../../api';
import { h, uid } from '../../dom';
import { t } from '../../i18n';
import { link, navigate } from '../../router';
import { alert, clearErrors, notice } from '../../ui';
import { errorsInWords } from '../../errors';
import { Json } from './condition';
import { controlFor } from './paths';

/** What every control of one editor shares: whether it may change anything, and whom to tell when it did. */
export interface Env {
  readonly: boolean;
  /** Called after every change of the JSON (path: what changed). */
  changed(path: string): void;
}

/** Reads and writes one value of the JSON being edited; undefined means absent. */
export interface Bind {
  get(): Json;
  set(v: Json): void;
}

/**
 * A value at `keys` under `root()`: objects on the way are created when a value is set; setting undefined
 * deletes the key, and then also the objects from depth `pruneFrom` on that became empty (so clearing the
 * schedule's only field leaves no `"schedule": {}` behind). `root` is read at each call: the editors may replace
 * what they edit (the advanced JSON).
 */
export function at(root: () => Json, keys: (string | number)[], pruneFrom = Infinity): Bind {
  return {
    get() {
      let o = root();
      for (const k of keys) o = o == null ? undefined : o[k];
      return o;
    },
    set(v) {
      const chain: Json[] = [root()];
      for (let i = 0; i < keys.length - 1; i++) {
        const k = keys[i];
        const o = chain[chain.length - 1];
        if (o[k] === null || typeof o[k] !== 'object') {
          if (v === undefined) return;
          o[k] = typeof keys[i + 1] === 'number' ? [] : {};
        }
        chain.push(o[k]);
      }
      const last = keys[keys.length - 1];
      if (v === undefined) {
        delete chain[chain.length - 1][last];
        for (let d = chain.length - 1; d >= 1 && d >= pruneFrom; d--) {
          if (Object.keys(chain[d]).length > 0) break;
          delete chain[d - 1][keys[d - 1]];
        }
      } else {
        chain[chain.length - 1][last] = v;
      }
    },
  };
}

/** Text the operator typed, as stored: '' is absent. */
export const optionalText = (s: string): Json => (s === '' ? undefined : s);
/** A whole number typed into a text field: a number when it is one, else the text (the API names the mistake), '' absent. */
export const optionalInt = (s: string): Json => (s.trim() === '' ? undefined : /^-?\d+$/.test(s.trim()) ? Number(s.trim()) : s.trim());

interface Common {
  /** The JSON path of the value: the control's name. */
  path: string;
  label: string;
  help?: string;
  /** extra class of the field's box */
  cls?: string;
}

function box(o: Common, id: string, control: HTMLElement): HTMLElement {
  const helpId = o.help ? `${id}-help` : null;
  const errId = `${id}-error`;
  if (helpId) control.setAttribute('aria-describedby', helpId);
  control.dataset.errorId = errId;
  control.dataset.key = o.path;
  return h('div', { class: `field${o.cls ? ` ${o.cls}` : ''}` },
    h('label', { for: id }, o.label),
    control,
    o.help ? h('p', { class: 'help', id: helpId }, o.help) : null,
    h('p', { class: 'field-error', id: errId, hidden: true }));
}

export interface InputOptions extends Common {
  bind: Bind;
  parse?: (s: string) => Json;
  format?: (v: Json) => string;
  type?: string;
  multiline?: boolean;
  rows?: number;
  list?: string;
  inputmode?: string;
  placeholder?: string;
  required?: boolean;
  autocomplete?: string;
  /** after the value was stored, on each keystroke */
  onInput?: () => void;
  /** when the operator is done with the field (change event) */
  onCommit?: () => void;
}

/** A text field (or textarea) editing one value. */
export function input(env: Env, o: InputOptions): HTMLElement {
  const id = uid('ed');
  const format = o.format ?? ((v: Json) => (v === undefined || v === null ? '' : String(v)));
  const value = format(o.bind.get());
  const control = o.multiline
    ? h('textarea', { id, name: o.path, rows: o.rows ?? 3, required: o.required, disabled: env.readonly, placeholder: o.placeholder, spellcheck: o.type === 'code' ? 'false' : null }, value)
    : h('input', { id, name: o.path, type: o.type && o.type !== 'code' ? o.type : 'text', value, list: o.list, inputmode: o.inputmode,
      placeholder: o.placeholder, required: o.required, disabled: env.readonly, autocomplete: o.autocomplete ?? 'off', spellcheck: 'false' });
  control.addEventListener('input', () => {
    o.bind.set((o.parse ?? optionalText)((control as HTMLInputElement).value));
    env.changed(o.path);
    o.onInput?.();
  });
  if (o.onCommit) control.addEventListener('change', o.onCommit);
  return box(o, id, control);
}

export interface SelectOptions extends Common {
  bind: Bind;
  options: { value: string; label: string }[];
  /** an option meaning "absent" (value ''), shown first */
  empty?: string;
  /** the value shown when absent and there is no `empty` option */
  absent?: string;
  parse?: (s: string) => Json;
  onChange?: (value: string) => void;
}

/** A select editing one value; a stored value that is not among the options is kept and shown as it is. */
export function select(env: Env, o: SelectOptions): HTMLElement {
  const id = uid('ed');
  const raw = o.bind.get();
  const current = raw === undefined || raw === null ? (o.empty !== undefined ? '' : o.absent ?? '') : String(raw);
  const options = [...o.options];
  if (current !== '' && !options.some((x) => x.value === current)) options.push({ value: current, label: current });
  const control = h('select', { id, name: o.path, disabled: env.readonly },
    o.empty !== undefined ? h('option', { value: '', selected: current === '' }, o.empty) : null,
    options.map((x) => h('option', { value: x.value, selected: x.value === current }, x.label)));
  control.addEventListener('change', () => {
    const v = control.value;
    o.bind.set(v === '' && o.empty !== undefined ? undefined : (o.parse ?? ((s: string) => s))(v));
    env.changed(o.path);
    o.onChange?.(v);
  });
  return box(o, id, control);
}

export interface CheckOptions extends Common {
  bind: Bind;
  /** what unchecked stores: false, or undefined (absent) */
  off?: false | undefined;
  onChange?: (checked: boolean) => void;
}

/** A checkbox editing a boolean. */
export function checkbox(env: Env, o: CheckOptions): HTMLElement {
  const id = uid('ed');
  const control = h('input', { id, type: 'checkbox', name: o.path, checked: o.bind.get() === true, disabled: env.readonly }) as HTMLInputElement;
  control.addEventListener('change', () => {
    o.bind.set(control.checked ? true : o.off === false ? false : undefined);
    env.changed(o.path);
    o.onChange?.(control.checked);
  });
  const helpId = o.help ? `${id}-help` : null;
  if (helpId) control.setAttribute('aria-describedby', helpId);
  control.dataset.errorId = `${id}-error`;
  control.dataset.key = o.path;
  return h('div', { class: `field check${o.cls ? ` ${o.cls}` : ''}` },
    h('label', { for: id }, control, ' ', o.label),
    o.help ? h('p', { class: 'help', id: helpId }, o.help) : null,
    h('p', { class: 'field-error', id: `${id}-error`, hidden: true }));
}

/** A button of the editor (add, remove …): disabled for viewers; `key` lets a redraw give it the focus back. */
export function button(env: Env, label: string, onClick: () => void, o: { key?: string; cls?: string; aria?: string } = {}): HTMLButtonElement {
  const b = h('button', { type: 'button', class: o.cls ?? 'secondary', disabled: env.readonly, 'aria-label': o.aria, 'data-key': o.key }, label);
  b.addEventListener('click', onClick);
  return b;
}

/** Focuses the element of `scope` whose data-key is `key` (after a redraw). */
export function focusKey(scope: HTMLElement, key: string | null | undefined): void {
  if (!key) return;
  const el = Array.from(scope.querySelectorAll<HTMLElement>('[data-key]')).find((e) => e.dataset.key === key);
  el?.focus();
}

/** The data-key of the focused element when it is inside `scope`. */
export function focusedKey(scope: HTMLElement): string | null {
  const a = document.activeElement as HTMLElement | null;
  return a && scope.contains(a) ? a.dataset.key ?? null : null;
}

// ---- errors ----------------------------------------------------------------------------------------

/** The controls errors may be shown at, in document order: form controls named by a JSON path. */
function controls(scope: HTMLElement): HTMLElement[] {
  return Array.from(scope.querySelectorAll<HTMLElement>('input[name], select[name], textarea[name]'))
    .filter((c) => !c.closest('[data-no-errors]'));
}

/**
 * Shows API errors at the controls their paths name ({@link controlFor}): the message under the control,
 * aria-invalid, aria-describedby; the first such control focused when `focus`. `rename` maps an error's path
 * to the form's (the count route's 'condition…' to the campaign's 'audience…'); `marked` collects the controls
 * marked (for {@link unmark}). Returns the errors no control of `scope` edits (for an alert at the top).
 */
export function showErrors(scope: HTMLElement, errors: FieldError[], o: { focus: boolean; rename?: (path: string) => string; marked?: HTMLElement[] }): FieldError[] {
  const all = controls(scope);
  const names = all.map((c) => c.getAttribute('name')!);
  const unplaced: FieldError[] = [];
  let first: HTMLElement | null = null;
  for (const e of errors) {
    const path = o.rename ? o.rename(e.path ?? '') : e.path;
    const name = controlFor(path, names);
    const control = name === null ? null : all[names.indexOf(name)];
    const slot = control ? document.getElementById(control.dataset.errorId ?? '') : null;
    if (!control || !slot) { unplaced.push(e); continue; }
    slot.textContent = slot.hidden || !slot.textContent ? e.message : `${slot.textContent} ${e.message}`;
    slot.hidden = false;
    control.setAttribute('aria-invalid', 'true');
    const described = (control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
    if (!described.includes(slot.id)) control.setAttribute('aria-describedby', [...described, slot.id].join(' '));
    // show the section the control is in (a closed <details>)
    for (let d = control.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
    o.marked?.push(control);
    first = first ?? control;
  }
  if (o.focus && first) first.focus();
  return unplaced;
}

export { clearErrors };

/** Takes the error marks off controls (and only those). */
export function unmark(controls: HTMLElement[]): void {
  for (const c of controls) {
    const slot = document.getElementById(c.dataset.errorId ?? '');
    if (slot) { slot.hidden = true; slot.textContent = ''; }
    c.removeAttribute('aria-invalid');
    const d = (c.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => x && x !== slot?.id).join(' ');
    if (d) c.setAttribute('aria-describedby', d); else c.removeAttribute('aria-describedby');
  }
}

// ---- unsaved changes -------------------------------------------------------------------------------

let guarded: { el: HTMLElement; dirty: () => boolean } | null = null;
let installed = false;

function pending(): boolean {
  return !!guarded && guarded.el.isConnected && guarded.dirty();
}

/**
 * Asks before leaving an editor with unsaved changes: closing or reloading the tab (the browser's own
 * question), and following a link of the console (a confirm). The browser's back button within the console is
 * not caught (the router has already moved on when it hears of it).
 */
export function guardUnsaved(el: HTMLElement, dirty: () => boolean): void {
  guarded = { el, dirty };
  if (installed) return;
  installed = true;
  window.addEventListener('beforeunload', (e) => {
    if (!pending()) return;
    e.preventDefault();
    e.returnValue = '';
  });
  // capture: before the router's own click handler, which leaves links that were prevented alone
  document.addEventListener('click', (e) => {
    const a = (e.target as Element | null)?.closest?.('a');
    if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const href = a.getAttribute('href') ?? '';
    if (!href.startsWith('/console/') || a.target) return;
    if (pending() && !window.confirm(t('ed.unsaved'))) {
      e.preventDefault();
      e.stopPropagation();
    }
  }, true);
}

/**
 * What a failed save shows: the API's errors (in the operator's words) at their fields, the focus on the first;
 * the rest — and anything else that went wrong — as an alert at the top of `messages`, focused when no field was.
 */
export function showSaveFailure(form: HTMLElement, messages: HTMLElement, err: unknown): void {
  const left = err instanceof ApiError ? showErrors(form, errorsInWords(err), { focus: true }) : [];
  if (!(err instanceof ApiError) || left.length) {
    const box = alert(err instanceof ApiError ? left.map((x) => (x.path ? `${x.path}: ${x.message}` : x.message)).join(' ') : `${t('common.error')}: ${String(err)}`);
    box.setAttribute('tabindex', '-1');
    messages.replaceChildren(box);
    if (!form.querySelector('[aria-invalid=true]')) box.focus();
  }
}

/** What {@link wireSaving} needs of an editor whose object is stored under its id (segments, event definitions). */
export interface ObjectSaving {
  form: HTMLFormElement;
  messages: HTMLElement;
  saveButton: HTMLButtonElement;
  deleteButton: HTMLButtonElement | null;
  readonly: boolean;
  isNew: boolean;
  /** the id's JSON path in the object (`id`, `name`) and the id the object has now, trimmed */
  idPath: string;
  id: () => string;
  /** whether another object of the site has the id already, and what to say when it has */
  taken: (id: string) => boolean;
  takenMessage: string;
  /** the object's API URL, and what is PUT there */
  url: (id: string) => string;
  body: () => Json;
  /** the console's paths after a new object was saved, and after the object was deleted */
  savedPath: (id: string) => string;
  deletedPath: string;
  deleteQuestion: () => string;
  /** clears the editor's unsaved-changes flag */
  clean: () => void;
  /** after a save that stays on the page */
  afterSave?: () => void;
}

/**
 * The save and delete of such an editor: a new object's id is checked first (given, not taken); the
 * object is PUT; a new one then opens under its id, an existing one says it was saved; the API's errors
 * land at their fields (see {@link showSaveFailure}). Delete asks first, then leaves for the list.
 */
export function wireSaving(o: ObjectSaving): void {
  const failed = (err: unknown) => showSaveFailure(o.form, o.messages, err);
  o.form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (o.readonly) return;
    clearErrors(o.form);
    o.messages.replaceChildren();
    const target = o.id();
    if (o.isNew && (!target || o.taken(target))) {
      showErrors(o.form, [{ path: o.idPath, code: target ? 'conflict' : 'required', message: target ? o.takenMessage : t('common.required') }], { focus: true });
      return;
    }
    o.saveButton.disabled = true;
    try {
      await api('PUT', o.url(target), o.body());
      o.clean();
      if (o.isNew) {
        navigate(link(o.savedPath(target)));
        return;
      }
      o.messages.replaceChildren(notice(t('ed.saved')));
      o.afterSave?.();
    } catch (err) {
      failed(err);
    } finally {
      o.saveButton.disabled = false;
    }
  });
  o.deleteButton?.addEventListener('click', async () => {
    if (!window.confirm(o.deleteQuestion())) return;
    o.messages.replaceChildren();
    try {
      await api('DELETE', o.url(o.id()));
      o.clean();
      navigate(link(o.deletedPath));
    } catch (err) {
      failed(err);
    }
  });
}
