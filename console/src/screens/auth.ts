// Sign-in and accepting an invitation (the first administrator's link, or one an administrator sent).
import { api, ApiError, setCsrf } from '../api';
import { h } from '../dom';
import { t } from '../i18n';
import { session, Operator } from '../state';
import { busy, field, formValues, heading, notice, showError } from '../ui';

interface SessionReply { operator: Operator; csrf: string }

export function signIn(done: () => void, reason?: 'ended'): HTMLElement {
  const form = h('form', { class: 'card narrow', novalidate: true },
    ...heading('signin.title'),
    reason === 'ended' ? notice(t('signin.ended'), 'info') : null,
    field({ name: 'login', label: 'signin.login', required: true, autocomplete: 'username' }),
    field({ name: 'password', label: 'signin.password', type: 'password', required: true, autocomplete: 'current-password' }),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('signin.submit'))));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = formValues(form);
    try {
      const reply = await busy(form, () => api<SessionReply>('POST', '/api/v1/console/session', { login: v.login, password: v.password }));
      setCsrf(reply.csrf);
      session.me = reply.operator;
      done();
    } catch (err) {
      // a wrong password (401), a locked account and too many failures from this address (429): the server's
      // words in the operator's language (errors.ts), at the top of the form, the password emptied and focused
      showError(form, err, (e) => (e.status === 401 ? t('signin.failed') : null));
      if (err instanceof ApiError && (err.status === 401 || err.status === 429)) {
        (form.querySelector('[name=password]') as HTMLInputElement).value = '';
        (form.querySelector('[name=password]') as HTMLInputElement).focus();
      }
    }
  });
  return h('main', { id: 'main', class: 'signin' }, h('p', { class: 'brand-big' }, t('app.name')), form);
}

export function welcome(invite: string, done: () => void): HTMLElement {
  const form = h('form', { class: 'card narrow', novalidate: true },
    ...heading('welcome.title', 'welcome.lead'),
    field({ name: 'name', label: 'welcome.name', autocomplete: 'name' }),
    field({ name: 'password', label: 'welcome.password', type: 'password', required: true, autocomplete: 'new-password' }),
    field({ name: 'confirm', label: 'welcome.confirm', type: 'password', required: true, autocomplete: 'new-password' }),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('welcome.submit'))));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = formValues(form);
    if (v.password !== v.confirm) {
      showError(form, new ApiError(400, 'mismatch', t('welcome.mismatch'), 'confirm'));
      return;
    }
    try {
      const reply = await busy(form, () => api<SessionReply>('POST', '/api/v1/console/invites/accept',
        { invite, password: v.password, name: v.name || undefined }));
      setCsrf(reply.csrf);
      session.me = reply.operator;
      done();
    } catch (err) {
      showError(form, err);
    }
  });
  return h('main', { id: 'main', class: 'signin' }, h('p', { class: 'brand-big' }, t('app.name')), form);
}
