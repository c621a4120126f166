// The signed-in operator's personal API tokens: create (shown once), list, revoke.
import { api } from '../api';
import { h } from '../dom';
import { t } from '../i18n';
import { busy, copyButton, field, formValues, heading, notice, showError } from '../ui';

interface Token { id: string; name: string; created_at: string; last_used_at: string | null; token?: string }

function when(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString() : t('tokens.never');
}

export async function tokens(rerender: () => void): Promise<HTMLElement> {
  const { tokens: list } = await api<{ tokens: Token[] }>('GET', '/api/v1/me/tokens');
  const fresh = h('div', { class: 'fresh' });
  const form = h('form', { class: 'card', novalidate: true },
    h('h2', {}, t('tokens.create')),
    field({ name: 'name', label: 'tokens.name', required: true }),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('tokens.create'))));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const created = await busy(form, () => api<Token>('POST', '/api/v1/me/tokens', { name: formValues(form).name }));
      const secret = created.token ?? '';
      fresh.replaceChildren(h('section', { class: 'card highlight' },
        notice(t('tokens.created')),
        h('pre', { class: 'code', tabindex: 0, 'data-secret': 'token' }, secret),
        h('div', { class: 'actions' }, copyButton(() => secret))));
      (form.querySelector('[name=name]') as HTMLInputElement).value = '';
      const table = await tokens(rerender);
      document.getElementById('token-table')?.replaceWith(table.querySelector('#token-table')!);
    } catch (err) {
      showError(form, err);
    }
  });
  const table = list.length === 0 ? h('p', { class: 'empty', id: 'token-table' }, t('common.none')) : h('table', { class: 'list', id: 'token-table' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('tokens.name')), h('th', { scope: 'col' }, t('tokens.createdAt')),
      h('th', { scope: 'col' }, t('tokens.lastUsed')), h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, t('campaigns.actions'))))),
    h('tbody', {}, list.map((tok) => {
      const revoke = h('button', { type: 'button', class: 'danger', 'aria-label': `${t('tokens.revoke')}: ${tok.name}` }, t('tokens.revoke'));
      revoke.addEventListener('click', async () => {
        if (!confirm(t('tokens.revoke.confirm'))) return;
        await api('DELETE', `/api/v1/me/tokens/${encodeURIComponent(tok.id)}`);
        rerender();
      });
      return h('tr', {}, h('td', {}, tok.name), h('td', {}, when(tok.created_at)), h('td', {}, when(tok.last_used_at)), h('td', {}, revoke));
    })));
  return h('main', { id: 'main' }, ...heading('tokens.title', 'tokens.lead'), fresh, table, form);
}
