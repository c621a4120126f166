import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, Report } from '../src/render';

let reports: [string, unknown][];
const report: Report = (kind, extra) => reports.push([kind, extra]);
beforeEach(() => {
  reports = [];
  document.body.innerHTML = '<button id="page-button">page</button>';
  document.documentElement.lang = 'ja';
});
afterEach(() => vi.restoreAllMocks());

const show = (template: string, content: Record<string, any>) => {
  const view = render({ campaign: 'c1', variant: 'default', action: 'a_1', template, content }, report);
  return { view, root: view.host.shadowRoot! };
};
const key = (root: ShadowRoot, k: string, shiftKey = false) =>
  root.querySelector('.w')!.dispatchEvent(new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true, composed: true }));

describe('rendering: text and escaping', () => {
  it('shows escaped content as the characters it stands for, never as entities and never as markup', () => {
    const { root } = show('popup', { title: 'Tom &amp; Jerry&#39;s', text: '&lt;img src=x onerror=alert(1)&gt;' });
    expect(root.querySelector('h2')!.textContent).toBe("Tom & Jerry's");
    expect(root.querySelector('p')!.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(root.querySelector('img')).toBeNull();
  });

  it('keeps unescaped strings inert too (text, not markup)', () => {
    const { root } = show('notice_bar', { text: '<b>bold</b>' });
    expect(root.querySelector('b')).toBeNull();
    expect(root.querySelector('p')!.textContent).toBe('<b>bold</b>');
  });

  it('drops javascript: links and data: images', () => {
    const { root } = show('popup', { title: 't', link: 'javascript:alert(1)', image: 'data:image/png;base64,AAAA', button_text: 'Go' });
    expect(root.querySelector('a')).toBeNull();
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('button.bt')!.textContent).toBe('Go');
  });

  it('lives in an open shadow root of its own element, styled inside it', () => {
    const { view, root } = show('popup', { title: 't' });
    expect(view.host.tagName).toBe('OMOTENASHI-ACTION');
    expect(view.host.parentElement).toBe(document.body);
    expect(root.adoptedStyleSheets?.length || root.querySelectorAll('style').length).toBe(1);
    expect(document.head.querySelector('style')).toBeNull();
  });

  it('gives the style element the page nonce when it cannot use a constructable stylesheet', () => {
    const s = document.createElement('script');
    s.setAttribute('nonce', 'n0nce');
    document.head.append(s);
    const { root } = show('popup', { title: 't' });
    if (!root.adoptedStyleSheets?.length) expect(root.querySelector('style')!.nonce).toBe('n0nce');
    s.remove();
  });
});

describe('rendering: modal templates', () => {
  it('popup is a labelled modal dialog; its link reports the click and closes', () => {
    const { view, root } = show('popup', { title: 'はじめまして！', text: 'ようこそ', link: '/items', button_text: '見る' });
    const dialog = root.querySelector('[role=dialog]')!;
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(root.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).toBe('はじめまして！');
    const a = root.querySelector('a.bt') as HTMLAnchorElement;
    expect(a.getAttribute('href')).toBe('/items');
    a.addEventListener('click', (e) => e.preventDefault());
    a.click();
    expect(reports).toEqual([['clicked', { href: '/items' }]]);
    expect(view.host.isConnected).toBe(false);
  });

  it('moves focus into the modal, keeps Tab inside it, and gives it back on close', () => {
    const page = document.getElementById('page-button')!;
    page.focus();
    const { root } = show('popup', { title: 't', link: '/x' });
    const link = root.querySelector('a')!;
    const close = root.querySelector('button.x') as HTMLElement;
    expect(root.activeElement).toBe(link);
    key(root, 'Tab');
    expect(root.activeElement).toBe(close);
    key(root, 'Tab', true);
    expect(root.activeElement).toBe(link);
    close.click();
    expect(document.activeElement).toBe(page);
  });

  it('Esc, the close button and the backdrop close it, reported as closed', () => {
    let r = show('popup', { title: 't' });
    key(r.root, 'Escape');
    expect(r.view.host.isConnected).toBe(false);
    r = show('popup', { title: 't' });
    (r.root.querySelector('button.x') as HTMLElement).click();
    r = show('popup', { title: 't' });
    (r.root.querySelector('.ov') as HTMLElement).click();
    expect(r.view.host.isConnected).toBe(false);
    expect(reports).toEqual([['closed', undefined], ['closed', undefined], ['closed', undefined]]);
  });

  it('labels the close button in the page language', () => {
    expect(show('popup', { title: 't' }).root.querySelector('button.x')!.getAttribute('aria-label')).toBe('閉じる');
    document.documentElement.lang = 'en';
    expect(show('popup', { title: 't' }).root.querySelector('button.x')!.getAttribute('aria-label')).toBe('Close');
  });

  it('coupon shows the code and copies it with its button, reported as a click', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    const { view, root } = show('coupon', { title: 'ご登録ありがとうございます', code: 'WELCOME&amp;1000', button_text: 'コピー' });
    expect((root.querySelector('input.cd') as HTMLInputElement).value).toBe('WELCOME&1000');
    const button = root.querySelector('button.bt') as HTMLElement;
    button.click();
    await Promise.resolve();
    expect(writeText).toHaveBeenCalledWith('WELCOME&1000');
    expect(button.textContent).toBe('コピーしました');
    expect(reports).toEqual([['clicked', undefined]]);
    expect(view.host.isConnected).toBe(true);
  });

  it('survey asks its fields with labels and reports typed answers as fields', () => {
    const { root } = show('survey', {
      title: 'あなたに合うコーデ',
      submit_text: '送信',
      fields: [
        { name: 'height', label: '身長 (cm)', type: 'number', trait: 'height', required: true },
        { name: 'size', label: 'サイズ', type: 'select', options: ['S', 'M'], trait: 'size' },
        { name: 'style', label: '好み', type: 'radio', options: ['casual', 'formal'], trait: 'style' },
        { name: 'news', label: 'お知らせを受け取る', type: 'checkbox', trait: 'news' },
        { name: 'note', label: 'ご要望', type: 'textarea', trait: 'note' },
      ],
    });
    const height = root.querySelector('input[name=height]') as HTMLInputElement;
    expect(root.querySelector(`label[for=${height.id}]`)!.textContent).toBe('身長 (cm)');
    expect(height.type).toBe('number');
    expect(height.required).toBe(true);
    expect(root.activeElement).toBe(height);
    height.value = '162';
    (root.querySelector('select') as HTMLSelectElement).value = 'M';
    (root.querySelector('input[value=formal]') as HTMLInputElement).checked = true;
    (root.querySelector('input[type=checkbox]') as HTMLInputElement).checked = true;
    (root.querySelector('form') as HTMLFormElement).dispatchEvent(new Event('submit', { cancelable: true }));
    expect(reports).toEqual([['submitted', { fields: { height: 162, size: 'M', style: 'formal', news: true } }]]);
    expect(root.querySelector('form')).toBeNull();
    expect(root.querySelector('[role=status]')!.textContent).toBe('ご回答ありがとうございました');
  });

  it('recommendation lists items with image, name, price and link; a click names the item', () => {
    const { root } = show('recommendation', {
      title: 'おすすめ',
      items: [
        { item_id: 'i1', name: 'ニット &amp; マフラー', price: 4500, url: '/items/1', image: '/img/1.jpg' },
        { item_id: 'i2', name: 'Bad', price: 1, url: 'javascript:alert(1)' },
      ],
    });
    const links = root.querySelectorAll('li a');
    expect(links).toHaveLength(1);
    expect(links[0].getAttribute('href')).toBe('/items/1');
    expect(links[0].querySelector('img')!.getAttribute('src')).toBe('/img/1.jpg');
    expect(links[0].querySelector('img')!.getAttribute('alt')).toBe('ニット & マフラー');
    expect(links[0].textContent).toContain('ニット & マフラー');
    expect(links[0].querySelector('.pr')!.textContent).toMatch(/4,500/);
    links[0].addEventListener('click', (e) => e.preventDefault());
    (links[0] as HTMLElement).click();
    expect(reports).toEqual([['clicked', { href: '/items/1', item_id: 'i1' }]]);
  });
});

describe('rendering: non-modal templates', () => {
  it('banner and notice_bar are regions at the top or bottom that do not take focus', () => {
    const page = document.getElementById('page-button')!;
    page.focus();
    const { root } = show('notice_bar', { text: '送料無料まであと500円', link: '/items/cheap', position: 'bottom' });
    expect(document.activeElement).toBe(page);
    const bar = root.querySelector('[role=region]')!;
    expect(bar.classList.contains('bottom')).toBe(true);
    expect(bar.querySelector('a')!.getAttribute('href')).toBe('/items/cheap');
    const banner = show('banner', { image: '/b.png', alt: 'セール', text: '冬のセール' }).root;
    expect(banner.querySelector('.top img')!.getAttribute('alt')).toBe('セール');
  });

  it('slide_in is a non-modal dialog on the chosen side', () => {
    const { root } = show('slide_in', { title: 'カタログ', text: '資料請求', link: '/request', position: 'bottom_left' });
    const d = root.querySelector('[role=dialog]')!;
    expect(d.getAttribute('aria-modal')).toBeNull();
    expect(d.classList.contains('left')).toBe(true);
    expect(root.querySelector('a.bt')!.textContent).toBe('詳しく見る');
  });

  it('call_button links to tel: with the digits and stays after a click', () => {
    const { view, root } = show('call_button', { tel: '0120-123-456', text: 'お電話でのご相談' });
    const a = root.querySelector('a')!;
    expect(a.getAttribute('href')).toBe('tel:0120123456');
    a.addEventListener('click', (e) => e.preventDefault());
    a.click();
    expect(reports).toEqual([['clicked', { href: 'tel:0120123456' }]]);
    expect(view.host.isConnected).toBe(true);
  });

  it('chat_invite shows the operator and reports its button as a click', () => {
    const { view, root } = show('chat_invite', { title: '何かお困りですか？', text: 'チャットでお答えします', operator_name: '佐藤', avatar: '/a.png' });
    expect(root.querySelector('.op')!.textContent).toBe('佐藤');
    (root.querySelector('button.bt') as HTMLElement).click();
    expect(reports).toEqual([['clicked', undefined]]);
    expect(view.host.isConnected).toBe(false);
  });

  it('html inserts the operator markup but nothing in it runs', () => {
    const { root } = show('html', {
      html: '<div class="promo"><b>限定</b> <a href="/sale" onclick="alert(1)">sale</a><a href="javascript:alert(2)">x</a>' +
        '<img src="/p.png" onerror="alert(3)"><script>alert(4)</script><iframe srcdoc="<script>alert(5)</script>"></iframe></div>',
    });
    expect(root.querySelector('.promo b')!.textContent).toBe('限定');
    const links = root.querySelectorAll('.promo a');
    expect(links[0].getAttribute('href')).toBe('/sale');
    expect(links[0].hasAttribute('onclick')).toBe(false);
    expect(links[1].hasAttribute('href')).toBe(false);
    expect(root.querySelector('.promo img')!.hasAttribute('onerror')).toBe(false);
    expect(root.querySelector('script')).toBeNull();
    expect(root.querySelector('iframe')).toBeNull();
    links[0].addEventListener('click', (e) => e.preventDefault());
    (links[0] as HTMLElement).click();
    expect(reports).toEqual([['clicked', { href: '/sale' }]]);
  });

  it('marks modals, and puts non-modal actions on an edge where they stack', () => {
    expect(show('popup', { title: 't' }).view.host.hasAttribute('data-modal')).toBe(true);
    expect(show('notice_bar', { text: 't' }).view.host.dataset.edge).toBe('top');
    expect(show('banner', { text: 't', position: 'bottom' }).view.host.dataset.edge).toBe('bottom');
    const card = show('slide_in', { title: 't' }).view.host;
    expect(card.dataset.edge).toBe('bottom');
    expect(card.hasAttribute('data-modal')).toBe(false);
  });

  it('an unknown template throws (the tag turns that into an error event)', () => {
    expect(() => show('hologram', {})).toThrow(/unknown template/);
  });
});
