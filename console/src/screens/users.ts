// Operators, for administrators: add (with a password, or an invitation link), change role, unlock, delete.
import { api } from '../api';
import { errorMessage } from '../errors';
import { h } from '../dom';
import { t, Key } from '../i18n';
import { link } from '../router';
import { session, Operator, Role } from '../state';
import { alert, busy, copyButton, field, formValues, heading, notice, showError } from '../ui';

interface Row extends Operator { active: boolean; locked_until?: string; invite?: string }

const ROLES: Role[] = ['viewer', 'editor', 'admin'];

function inviteLink(invite: string): string {
  return `${location.origin}/console/#invite=${invite}`;
}

function showInvite(where: HTMLElement, invite: string): void {
  const url = inviteLink(invite);
  where.replaceChildren(h('section', { class: 'card highlight' },
    notice(t('users.inviteLink')), h('pre', { class: 'code', tabindex: 0 }, url), h('div', { class: 'actions' }, copyButton(() => url))));
}

export async function users(rerender: () => void): Promise<HTMLElement> {
  const { operators } = await api<{ operators: Row[] }>('GET', '/api/v1/operators');
  const messages = h('div', { class: 'messages' });
  const roleOptions = ROLES.map((r) => ({ value: r, label: t(`role.${r}` as Key) }));
  const rows = operators.map((o) => {
    const role = h('select', { 'aria-label': `${t('users.role')}: ${o.login}` },
      roleOptions.map((op) => h('option', { value: op.value, selected: op.value === o.role }, op.label)));
    role.addEventListener('change', async () => {
      try {
        await api('PATCH', `/api/v1/operators/${encodeURIComponent(o.id)}`, { role: role.value });
        messages.replaceChildren(notice(t('site.saved')));
      } catch (err) {
        messages.replaceChildren(alert(errorMessage(err)));
        role.value = o.role;
      }
    });
    const state = o.locked_until ? t('users.locked') : o.active ? t('users.active') : t('users.invited');
    const actions: HTMLElement[] = [];
    if (o.locked_until) {
      const unlock = h('button', { type: 'button', class: 'secondary' }, t('users.unlock'));
      unlock.addEventListener('click', async () => { await api('PATCH', `/api/v1/operators/${encodeURIComponent(o.id)}`, { unlock: true }); rerender(); });
      actions.push(unlock);
    }
    if (!o.active) {
      const again = h('button', { type: 'button', class: 'secondary' }, t('users.invite'));
      again.addEventListener('click', async () => {
        const r = await api<Row>('POST', `/api/v1/operators/${encodeURIComponent(o.id)}/invite`);
        if (r.invite) showInvite(messages, r.invite);
      });
      actions.push(again);
    }
    if (o.id !== session.me?.id) {
      const del = h('button', { type: 'button', class: 'danger', 'aria-label': `${t('common.delete')}: ${o.login}` }, t('common.delete'));
      del.addEventListener('click', async () => {
        if (!confirm(t('users.delete.confirm'))) return;
        try {
          await api('DELETE', `/api/v1/operators/${encodeURIComponent(o.id)}`);
          rerender();
        } catch (err) {
          messages.replaceChildren(alert(errorMessage(err)));
        }
      });
      actions.push(del);
    }
    return h('tr', {},
      h('td', {}, h('div', { class: 'mono' }, o.login), o.id === session.me?.id ? h('span', { class: 'muted' }, t('users.you')) : null),
      h('td', {}, o.name ?? ''), h('td', {}, role), h('td', {}, state), h('td', {}, h('div', { class: 'row-actions' }, actions)));
  });
  const form = h('form', { class: 'card', novalidate: true },
    h('h2', {}, t('users.create')),
    h('div', { class: 'grid' },
      field({ name: 'login', label: 'users.login', required: true, autocomplete: 'off' }),
      field({ name: 'name', label: 'users.name' }),
      field({ name: 'role', label: 'users.role', options: roleOptions, value: 'editor', required: true }),
      field({ name: 'password', label: 'users.password', type: 'password', help: 'users.password.help', autocomplete: 'new-password' })),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('users.create'))));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = formValues(form);
    try {
      const created = await busy(form, () => api<Row>('POST', '/api/v1/operators',
        { login: v.login, name: v.name || undefined, role: v.role, password: v.password || undefined }));
      const page = await users(rerender);
      document.getElementById('main')?.replaceWith(page);
      if (created.invite) showInvite(page.querySelector('.messages') as HTMLElement, created.invite);
    } catch (err) {
      showError(form, err);
    }
  });
  return h('main', { id: 'main' }, ...heading('users.title', 'users.lead'),
    h('p', {}, h('a', { href: link('/history') }, t('audit.link.all'))), messages,
    h('table', { class: 'list' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('users.login')), h('th', { scope: 'col' }, t('users.name')),
        h('th', { scope: 'col' }, t('users.role')), h('th', { scope: 'col' }, t('users.state')),
        h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, t('campaigns.actions'))))),
      h('tbody', {}, rows)),
    form);
}
