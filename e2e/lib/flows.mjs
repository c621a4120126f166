// What a visitor does in the demo shop, through its pages and buttons (never by calling the tag directly).
import assert from 'node:assert/strict';

/** On an item page: puts the item in the cart (the shop reports `cart`), then follows "view cart". */
export async function addToCart(v, itemId, { thenCart = true } = {}) {
  await v.visit('/items/' + itemId);
  await v.closeModals();
  await v.page.click('#add-to-cart');
  await v.page.waitForSelector('#added:not([hidden])');
  await v.settle();
  if (thenCart) await follow(v, '#go-cart');
}

/** Clicks a link of the shop that leads to another page, and waits for that page's view to be answered. */
export async function follow(v, selector) {
  // a tracked event may have brought a popup meanwhile; a visitor closes it before going on
  if (!selector.startsWith('omotenashi-action')) await v.closeModals();
  const answered = v.page.waitForResponse((r) => r.url().endsWith('/v1/t') && r.request().postData()?.includes('"name":"view"'));
  await v.page.click(selector);
  await answered;
  await v.settle();
}

/** From the cart page: places the order; the order-complete page reports `buy`. */
export async function placeOrder(v) {
  if (!v.page.url().endsWith('/demo/cart')) await v.visit('/cart');
  await v.closeModals();
  await follow(v, '#place-order');
  assert.match(await v.page.textContent('main'), /ご注文ありがとうございました/);
}

/** Buys one item: item page, cart, order. */
export async function buy(v, itemId = '27') {
  await addToCart(v, itemId);
  await placeOrder(v);
}

/** Signs up through the form; ends on the registration-complete page (which reports `signup_complete`). */
export async function signUp(v, email) {
  if (!v.page.url().endsWith('/demo/signup')) await v.visit('/signup');
  await v.closeModals();
  await v.page.fill('#signup-form [name=name]', '山田 花子');
  await v.page.fill('#signup-form [name=email]', email);
  await v.page.fill('#signup-form [name=password]', 'omotenashi');
  await follow(v, '#signup-submit');
}

/** Signs in with a member rank (the shop identifies the visitor with trait member_rank); ends on /member. */
export async function signIn(v, email, rank) {
  if (!v.page.url().endsWith('/demo/member/login')) await v.visit('/member/login');
  await v.closeModals();
  await v.page.fill('#login-form [name=email]', email);
  await v.page.fill('#login-form [name=password]', 'omotenashi');
  await v.page.selectOption('#rank', rank);
  const identified = v.page.waitForRequest((r) => r.url().endsWith('/v1/t') && r.postData()?.includes('"name":"identify"'));
  const memberView = v.page.waitForResponse((r) => r.url().endsWith('/v1/t') && r.request().postData()?.includes('"name":"view"'));
  await v.page.click('#login-submit');
  await identified;
  await memberView;
  assert.match(v.page.url(), /\/demo\/member$/);
  await v.settle();
}

/** A unique e-mail address per call, so members of different tests are different people. */
export function email(tag) {
  return `${tag}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.jp`;
}
