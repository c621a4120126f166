// The console's entry: finds out who is signed in, then draws the screen for the current path inside the
// layout (header with navigation, language switch and sign-out). Signed out (sign-in, an invitation's
// password) the language switch stands alone above the form.
import { api, ApiError, setCsrf, whenUnauthorized } from './api';
import { clear, h } from './dom';
import { lang, setLang, t, Key } from './i18n';
import { BASE, link, navigate, resolve, Route, start } from './router';
import { can, session, Operator } from './state';
import { notice } from './ui';
import { errorMessage } from './errors';
import { signIn, welcome } from './screens/auth';
import { siteDetail, sitesList } from './screens/sites';
import { gallery } from './screens/templates';
import { campaignJson, campaignList } from './screens/campaigns';
import { tokens } from './screens/tokens';
import { users } from './screens/users';
import { account } from './screens/account';
import { whyNot } from './screens/whynot';
import { segments } from './screens/segments';
import { routes as editorRoutes } from './screens/editor/routes';
import { routes as explorerRoutes } from './screens/explorer/routes';
import { routes as auditRoutes } from './screens/audit/routes';

const root = document.getElementById('app')!;
let ended = false;

const routes: Route[] = [
  ...editorRoutes(render),
  ...explorerRoutes(render),
  ...auditRoutes(render),
  { pattern: '/', render: () => sitesList() },
  { pattern: '/sites/:site', render: (p) => siteDetail(p.site) },
  { pattern: '/sites/:site/templates', render: (p) => gallery(p.site) },
  { pattern: '/sites/:site/campaigns', render: (p) => campaignList(p.site, render) },
  { pattern: '/sites/:site/campaigns/:id', render: (p) => campaignJson(p.site, p.id) },
  { pattern: '/sites/:site/why-not', render: (p) => whyNot(p.site) },
  { pattern: '/sites/:site/segments', render: (p) => segments(p.site) },
  { pattern: '/tokens', render: () => tokens(render) },
  { pattern: '/users', render: () => users(render) },
  { pattern: '/account', render: () => account() },
];

/**
 * The language switch: remembered (i18n.ts) and applied at once by drawing the screen again. What was typed
 * into the sign-in or invitation form stays, and the focus stays on the switch.
 */
function languageSwitch(): HTMLSelectElement {
  const select = h('select', { id: 'lang', 'aria-label': t('nav.language') },
    h('option', { value: 'ja', lang: 'ja', selected: lang() === 'ja' }, '日本語'),
    h('option', { value: 'en', lang: 'en', selected: lang() === 'en' }, 'English'));
  select.addEventListener('change', async () => {
    const typed = Array.from(root.querySelectorAll<HTMLInputElement>('main input[name]')).map((i) => [i.name, i.value]);
    setLang(select.value as 'ja' | 'en');
    await render();
    if (root.querySelector('header.top')) return; // signed in: a new screen, its title focused
    for (const [name, value] of typed) {
      const input = root.querySelector<HTMLInputElement>(`main input[name="${name}"]`);
      if (input) input.value = value;
    }
    document.getElementById('lang')?.focus();
  });
  return select;
}

function header(): HTMLElement {
  const here = location.pathname.replace(/\/+$/, '') || BASE;
  const nav = (href: string, key: Key) => {
    const full = link(href);
    const current = href === '/' ? here === BASE || here.startsWith(`${BASE}/sites`) : here.startsWith(full);
    return h('a', { href: full === `${BASE}/` ? `${BASE}/` : full, 'aria-current': current ? 'page' : null }, t(key));
  };
  const langSelect = languageSwitch();
  const out = h('button', { type: 'button', class: 'link' }, t('nav.signout'));
  out.addEventListener('click', async () => {
    try { await api('DELETE', '/api/v1/console/session'); } catch { /* already ended */ }
    session.me = null;
    setCsrf(null);
    navigate(link('/'));
  });
  const me = session.me!;
  return h('header', { class: 'top' },
    h('a', { class: 'skip', href: '#main' }, t('app.skip')),
    h('a', { class: 'brand', href: `${BASE}/` }, t('app.name')),
    h('nav', { class: 'main-nav', 'aria-label': t('nav.menu') },
      nav('/', 'nav.sites'), nav('/tokens', 'nav.tokens'), can('admin') ? nav('/users', 'nav.users') : null),
    h('div', { class: 'me' },
      langSelect,
      h('a', { class: 'who', href: link('/account'), 'aria-current': here.startsWith(link('/account')) ? 'page' : null },
        me.name || me.login, ' ', h('span', { class: 'badge role' }, t(`role.${me.role}` as Key))),
      out));
}

/** Above the sign-in and invitation screens: the language switch (the header is for signed-in operators). */
function signedOutBar(): HTMLElement {
  return h('div', { class: 'lang-bar' }, languageSwitch());
}

async function render(): Promise<void> {
  document.documentElement.lang = lang();
  const invite = /(?:^#|&)invite=([^&]+)/.exec(location.hash)?.[1];
  if (invite) {
    clear(root);
    root.append(signedOutBar(), welcome(decodeURIComponent(invite), () => { history.replaceState(null, '', `${BASE}/`); render(); }));
    focusTitle();
    return;
  }
  if (!session.me) {
    clear(root);
    const reason = ended ? 'ended' : undefined;
    root.append(signedOutBar(), signIn(() => { ended = false; render(); }, reason));
    (root.querySelector('input[name=login]') as HTMLInputElement | null)?.focus();
    return;
  }
  const found = resolve(routes, location.pathname);
  clear(root);
  root.append(header());
  const holder = h('div', { class: 'content' }, h('p', { class: 'muted' }, t('common.loading')));
  root.append(holder);
  if (!found) {
    holder.replaceChildren(h('main', { id: 'main' }, notice('404', 'error')));
    return;
  }
  try {
    const page = await found.route.render(found.params);
    holder.replaceChildren(page);
    focusTitle();
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return;
    holder.replaceChildren(h('main', { id: 'main' }, notice(errorMessage(err), 'error')));
  }
}

function focusTitle(): void {
  const title = document.getElementById('page-title');
  if (title && !root.querySelector('[aria-invalid]')) title.focus({ preventScroll: true });
}

async function boot(): Promise<void> {
  setLang(lang());
  whenUnauthorized(() => {
    if (!session.me) return;
    session.me = null;
    setCsrf(null);
    ended = true;
    render();
  });
  try {
    const s = await api<{ operator: Operator; csrf?: string }>('GET', '/api/v1/console/session');
    session.me = s.operator;
    setCsrf(s.csrf ?? null);
  } catch {
    session.me = null;
  }
  start(render);
  await render();
}

void boot();
