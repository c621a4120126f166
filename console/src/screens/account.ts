// The signed-in operator's own account: who they are, and changing their password.
import { api, ApiError, setCsrf } from '../api';
import { h } from '../dom';
import { t, Key } from '../i18n';
import { session } from '../state';
import { busy, clearErrors, field, formValues, heading, notice, showError } from '../ui';

export function account(): HTMLElement {
  const me = session.me!;
  const form = h('form', { class: 'card', novalidate: true },
    h('h2', {}, t('account.password')),
    field({ name: 'current_password', label: 'account.current', type: 'password', required: true, autocomplete: 'current-password' }),
    field({ name: 'new_password', label: 'account.new', type: 'password', required: true, autocomplete: 'new-password', help: 'account.new.help' }),
    field({ name: 'confirm', label: 'welcome.confirm', type: 'password', required: true, autocomplete: 'new-password' }),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('common.save'))));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = formValues(form);
    if (v.new_password !== v.confirm) {
      showError(form, new ApiError(400, 'mismatch', t('welcome.mismatch'), 'confirm'));
      return;
    }
    try {
      const reply = await busy(form, () => api<{ csrf?: string }>('PUT', '/api/v1/me/password',
        { current_password: v.current_password, new_password: v.new_password }));
      if (reply.csrf) setCsrf(reply.csrf);
      clearErrors(form);
      form.reset();
      form.prepend(notice(t('account.changed')));
    } catch (err) {
      showError(form, err);
    }
  });
  return h('main', { id: 'main' }, ...heading('account.title'),
    h('dl', { class: 'card facts' },
      h('dt', {}, t('users.login')), h('dd', { class: 'mono' }, me.login),
      h('dt', {}, t('users.name')), h('dd', {}, me.name ?? ''),
      h('dt', {}, t('users.role')), h('dd', {}, t(`role.${me.role}` as Key))),
    form);
}
