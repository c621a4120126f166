/*
 * The demo shop: every page of /demo/ is one shell (shop.html) and this script renders the page for the
 * path, in Japanese (default) or English. It runs in <head> before the Omotenashi snippet, so the page's
 * title and language are set before the tag reports the view; the body is rendered on DOMContentLoaded.
 *
 * What the shop reports to Omotenashi (docs/demo.md lists which scenario reads what):
 *   view             sent by the tag on every page; item pages add item_id, name, price, url, image
 *   cart             whenever the cart changes: in_cart_price (yen), items, item_ids
 *   buy              on the order-complete page: order_id, price, items, item_ids, coupon
 *   signup_complete  once, on the registration-complete page
 *   identify         at sign-in: the user id and the trait member_rank
 *   brochure_request when the brochure form is sent
 *   favorite         the heart button of an item page: item_id
 * The shop keeps its own state (cart, signed-in member, language) in localStorage; nothing leaves the
 * browser except through the tag.
 */
(function () {
  'use strict';
  var BASE = '/demo';
  var CAT = window.OMOTENASHI_DEMO_CATALOG;
  var FREE_SHIPPING = 5000;
  var KEYS = {lang: 'omotenashi_demo_lang', cart: 'omotenashi_demo_cart', member: 'omotenashi_demo_member',
    signup: 'omotenashi_demo_signup', order: 'omotenashi_demo_order'};

  // ---- state kept in the browser -------------------------------------------------------------------
  function load(store, key, dflt) {
    try {
      var v = store.getItem(key);
      return v == null ? dflt : JSON.parse(v);
    } catch (e) {
      return dflt;
    }
  }
  function save(store, key, v) {
    try {
      if (v == null) store.removeItem(key); else store.setItem(key, JSON.stringify(v));
    } catch (e) { /* private mode: the state lives for this page only */ }
  }

  var query = new URLSearchParams(location.search);
  if (query.get('lang') === 'en' || query.get('lang') === 'ja') save(localStorage, KEYS.lang, query.get('lang'));
  var lang = load(localStorage, KEYS.lang, 'ja') === 'en' ? 'en' : 'ja';

  // ---- words ---------------------------------------------------------------------------------------
  var T = {
    shop: {ja: 'おもてなし商店', en: 'Omotenashi Store'},
    tagline: {ja: '毎日を心地よく。ベーシックな服と小物のお店', en: 'Everyday basics, made to feel good'},
    demoNote: {ja: 'これは Omotenashi のデモショップです。注文・登録は実際には行われません。', en: 'This is the Omotenashi demo shop. Nothing is really ordered or registered.'},
    sale: {ja: 'セール', en: 'Sale'}, staff: {ja: 'スタッフコーデ', en: 'Staff looks'},
    member: {ja: 'マイページ', en: 'My page'}, login: {ja: 'ログイン', en: 'Sign in'}, logout: {ja: 'ログアウト', en: 'Sign out'},
    signup: {ja: '会員登録', en: 'Sign up'}, cart: {ja: 'カート', en: 'Cart'}, all: {ja: 'すべての商品', en: 'All items'},
    cheap: {ja: 'プチプラ (1,500円以下)', en: 'Small treats (1,500 yen or less)'},
    newIn: {ja: '新着・人気アイテム', en: 'New and popular'}, categories: {ja: 'カテゴリ', en: 'Categories'},
    heroTitle: {ja: '冬のセール 最大50%OFF', en: 'Winter sale: up to 50% off'},
    heroText: {ja: 'コートやニットがお得な今だけの価格に。', en: 'Coats and knits at prices for now only.'},
    seeSale: {ja: 'セール会場へ', en: 'Go to the sale'},
    addToCart: {ja: 'カートに入れる', en: 'Add to cart'}, added: {ja: 'カートに追加しました', en: 'Added to your cart'},
    viewCart: {ja: 'カートを見る', en: 'View cart'}, favorite: {ja: 'お気に入り', en: 'Favorite'},
    favorited: {ja: 'お気に入りに追加しました', en: 'Added to your favorites'},
    size: {ja: 'サイズ', en: 'Size'}, qty: {ja: '数量', en: 'Quantity'}, taxIn: {ja: '(税込)', en: '(tax incl.)'},
    related: {ja: '同じカテゴリの商品', en: 'More in this category'},
    shipNote: {ja: '5,000円以上で送料無料・30日間返品無料', en: 'Free shipping from 5,000 yen, free returns for 30 days'},
    cartEmpty: {ja: 'カートは空です。', en: 'Your cart is empty.'}, keepShopping: {ja: '買い物を続ける', en: 'Keep shopping'},
    subtotal: {ja: '小計', en: 'Subtotal'}, shipping: {ja: '送料', en: 'Shipping'}, total: {ja: '合計', en: 'Total'},
    free: {ja: '無料', en: 'free'}, remove: {ja: '削除', en: 'Remove'},
    toFree: {ja: 'あと{n}円で送料無料', en: '{n} yen more for free shipping'},
    isFree: {ja: '送料無料でお届けします', en: 'Your order ships free'},
    coupon: {ja: 'クーポンコード', en: 'Coupon code'}, placeOrder: {ja: '注文を確定する', en: 'Place the order'},
    thanks: {ja: 'ご注文ありがとうございました', en: 'Thank you for your order'},
    orderNo: {ja: '注文番号', en: 'Order number'}, backTop: {ja: 'トップページへ', en: 'Back to the top page'},
    name: {ja: 'お名前', en: 'Name'}, email: {ja: 'メールアドレス', en: 'E-mail'}, password: {ja: 'パスワード', en: 'Password'},
    signupLead: {ja: '会員登録で500ポイントプレゼント。お気に入りや購入履歴も確認できます。', en: 'Sign up and get 500 points; keep favorites and see your orders.'},
    register: {ja: '登録する', en: 'Register'},
    signupDone: {ja: '会員登録が完了しました', en: 'You are registered'},
    signupDoneText: {ja: 'ご登録ありがとうございます。ログインしてマイページをご利用ください。', en: 'Thank you for registering. Sign in to use your page.'},
    rank: {ja: '会員ランク', en: 'Member rank'}, rankDemo: {ja: '(デモ用: ランクを選んでログイン)', en: '(demo: choose the rank you sign in with)'},
    regular: {ja: 'レギュラー', en: 'Regular'}, silver: {ja: 'シルバー', en: 'Silver'}, gold: {ja: 'ゴールド', en: 'Gold'},
    hello: {ja: '{name} 様', en: 'Hello, {name}'}, points: {ja: 'ポイント', en: 'Points'},
    rankPerks: {ja: 'ゴールド会員様は先行セールにご参加いただけます。', en: 'Gold members are invited to the early sale.'},
    goldSale: {ja: 'ゴールド会員様限定 先行セール', en: 'Early sale for gold members'},
    goldOnly: {ja: 'このページはゴールド会員様限定です。', en: 'This page is for gold members.'},
    winterSale: {ja: '冬のセール', en: 'Winter sale'},
    staffTitle: {ja: 'スタッフコーデ', en: 'Staff looks'},
    staffLead: {ja: '身長の近いスタッフのコーデを参考にしてください。', en: 'Find a staff member of your height and borrow their look.'},
    height: {ja: '身長', en: 'Height'}, items: {ja: '着用アイテム', en: 'Items worn'},
    request: {ja: 'カタログ請求', en: 'Request our catalogue'},
    requestLead: {ja: '季節のカタログを無料でお送りします。', en: 'We send our seasonal catalogue free of charge.'},
    address: {ja: 'ご住所', en: 'Address'}, send: {ja: '送信する', en: 'Send'},
    requestDone: {ja: 'お申し込みありがとうございました。1週間ほどでお届けします。', en: 'Thank you. The catalogue arrives within a week.'},
    guide: {ja: 'ご利用ガイド', en: 'Shopping guide'}, guideShipping: {ja: '送料・お届けについて', en: 'Shipping and delivery'},
    featureFirst: {ja: 'はじめてのお買い物特集', en: 'Your first order: our classics'},
    notFound: {ja: 'ページが見つかりません', en: 'Page not found'},
    chatSoon: {ja: 'スタッフにおつなぎします (デモではチャットは開きません)', en: 'Connecting you to our staff (the demo opens no chat)'},
    tagLog: {ja: 'Omotenashi タグの動き', en: 'What the Omotenashi tag did'},
    language: {ja: 'English', en: '日本語'}
  };
  function t(key, vars) {
    var s = (T[key] && T[key][lang]) || key;
    if (vars) Object.keys(vars).forEach(function (k) { s = s.replace('{' + k + '}', vars[k]); });
    return s;
  }
  function L(o) { return o[lang] || o.ja; }

  // ---- helpers -------------------------------------------------------------------------------------
  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c];
    });
  }
  function yen(n) { return lang === 'ja' ? n.toLocaleString('ja-JP') + '円' : '¥' + n.toLocaleString('en-US'); }
  function url(p) { return BASE + p; }
  function item(id) { return CAT.items.filter(function (i) { return i.id === String(id); })[0]; }
  function price(i) { return i.sale || i.price; }
  function image(i) { return url('/img/item-' + i.id + '.svg'); }
  function send() { if (window.omotenashi) window.omotenashi.apply(null, arguments); }

  function cart() { return load(localStorage, KEYS.cart, []).filter(function (l) { return item(l.id) && l.qty > 0; }); }
  function cartTotal(lines) { return lines.reduce(function (s, l) { return s + price(item(l.id)) * l.qty; }, 0); }
  function cartCount(lines) { return lines.reduce(function (s, l) { return s + l.qty; }, 0); }
  /** Saves the cart and reports it: S09, S10 and S16 read the cart event. */
  function setCart(lines) {
    save(localStorage, KEYS.cart, lines);
    send('track', 'cart', {in_cart_price: cartTotal(lines), items: cartCount(lines),
      item_ids: lines.map(function (l) { return l.id; })});
  }
  function member() { return load(localStorage, KEYS.member, null); }

  // ---- the page for this path ----------------------------------------------------------------------
  var path = location.pathname.indexOf(BASE) === 0 ? location.pathname.slice(BASE.length) : location.pathname;
  if (path === '') path = '/';
  if (path.length > 1 && path.charAt(path.length - 1) === '/') path = path.slice(0, -1);
  var parts = path.split('/').filter(Boolean);

  var page = route();
  document.documentElement.lang = lang;
  document.title = (page.title ? page.title + ' | ' : '') + t('shop');

  function route() {
    var p0 = parts[0], p1 = parts[1];
    if (!p0) return {title: '', render: home};
    if (p0 === 'category' && catById(p1)) return {title: L(catById(p1)), render: function () { return listing(L(catById(p1)), byCat(p1)); }};
    if (p0 === 'items' && !p1) return {title: t('all'), render: function () { return listing(t('all'), CAT.items); }};
    if (p0 === 'items' && p1 === 'cheap') return {title: t('cheap'), render: function () { return listing(t('cheap'), CAT.items.filter(function (i) { return price(i) <= 1500; })); }};
    if (p0 === 'items' && item(p1) && !parts[2]) return {title: L(item(p1)), item: item(p1), render: function () { return itemPage(item(p1)); }};
    if (path === '/cart') return {title: t('cart'), render: cartPage};
    if (path === '/order/complete') return {title: t('thanks'), render: orderComplete};
    if (path === '/signup') return {title: t('signup'), render: signupPage};
    if (path === '/signup/complete') return {title: t('signupDone'), render: signupComplete};
    if (path === '/member/login') return {title: t('login'), render: loginPage};
    if (path === '/member') return {title: t('member'), render: memberPage};
    if (path === '/sale' || path === '/sale/winter') return {title: t('winterSale'), render: function () { return listing(t('winterSale'), CAT.items.filter(function (i) { return i.sale; }), t('heroText')); }};
    if (path === '/sale/gold') return {title: t('goldSale'), render: goldSale};
    if (path === '/staff') return {title: t('staffTitle'), render: staffList};
    if (p0 === 'staff' && staffById(p1) && !parts[2]) return {title: t('staffTitle') + ': ' + L(staffById(p1)), render: function () { return staffPage(staffById(p1)); }};
    if (path === '/request') return {title: t('request'), render: requestPage};
    if (path === '/guide') return {title: t('guide'), render: guidePage};
    if (path === '/guide/shipping') return {title: t('guideShipping'), render: shippingPage};
    if (path === '/feature/first') return {title: t('featureFirst'), render: function () { return listing(t('featureFirst'), ['1', '6', '16', '21', '28', '26'].map(item)); }};
    return {title: t('notFound'), render: function () { return '<h1>' + t('notFound') + '</h1><p><a href="' + url('/') + '">' + t('backTop') + '</a></p>'; }};
  }
  function catById(id) { return CAT.categories.filter(function (c) { return c.id === id; })[0]; }
  function byCat(id) { return CAT.items.filter(function (i) { return i.cat === id; }); }
  function staffById(id) { return CAT.staff.filter(function (s) { return s.id === id; })[0]; }

  /**
   * The properties of this page's view: item pages carry the item (the recommendations of S14 and S15
   * are drawn from viewed items). The snippet in shop.html passes them to the tag's init.
   */
  function viewProperties() {
    var i = page.item;
    if (!i) return {};
    return {item_id: i.id, name: i.ja, price: price(i), url: url('/items/' + i.id), image: image(i), category: i.cat};
  }

  // ---- pieces --------------------------------------------------------------------------------------
  function header() {
    var m = member();
    var n = cartCount(cart());
    return '<header class="top"><div class="bar"><a class="logo" href="' + url('/') + '" aria-label="' + t('shop') + '"><span class="mark">お</span><span class="shopname">' + t('shop') + '</span></a>'
      + '<nav class="tools">'
      + (m ? '<a href="' + url('/member') + '" id="nav-member">' + t('member') + '</a>'
           : '<a href="' + url('/member/login') + '" id="nav-login">' + t('login') + '</a><a href="' + url('/signup') + '" id="nav-signup">' + t('signup') + '</a>')
      + '<a href="' + url('/cart') + '" id="nav-cart" class="cartlink">' + t('cart') + ' <span class="count">' + n + '</span></a>'
      + '<button type="button" id="lang-toggle" class="lang">' + t('language') + '</button></nav></div>'
      + '<nav class="cats">' + CAT.categories.map(function (c) { return '<a href="' + url('/category/' + c.id) + '">' + esc(L(c)) + '</a>'; }).join('')
      + '<a href="' + url('/sale/winter') + '" class="hot">' + t('sale') + '</a><a href="' + url('/staff') + '">' + t('staff') + '</a></nav></header>';
  }
  function footer() {
    return '<footer class="bottom"><nav>'
      + '<a href="' + url('/guide') + '">' + t('guide') + '</a><a href="' + url('/guide/shipping') + '">' + t('guideShipping') + '</a>'
      + '<a href="' + url('/request') + '">' + t('request') + '</a><a href="' + url('/signup') + '">' + t('signup') + '</a>'
      + '<a href="' + url('/items') + '">' + t('all') + '</a></nav>'
      + '<p class="demo-note">' + t('demoNote') + '</p>'
      + '<details class="taglog"><summary>' + t('tagLog') + '</summary><ol id="tag-log"></ol></details></footer>';
  }
  function card(i) {
    return '<a class="card" href="' + url('/items/' + i.id) + '" data-item="' + esc(i.id) + '"><img src="' + image(i) + '" alt="" width="300" height="300" loading="lazy">'
      + '<span class="name">' + esc(L(i)) + '</span>' + priceTag(i) + '</a>';
  }
  function priceTag(i) {
    return i.sale ? '<span class="price"><s>' + yen(i.price) + '</s> <b class="off">' + yen(i.sale) + '</b></span>'
      : '<span class="price">' + yen(i.price) + '</span>';
  }
  function grid(items) { return '<div class="grid">' + items.map(card).join('') + '</div>'; }

  // ---- pages ---------------------------------------------------------------------------------------
  function home() {
    return '<section class="hero"><div><h1>' + t('heroTitle') + '</h1><p>' + t('heroText') + '</p>'
      + '<a class="button" href="' + url('/sale/winter') + '">' + t('seeSale') + '</a></div></section>'
      + '<p class="lead">' + t('tagline') + '</p>'
      + '<h2>' + t('categories') + '</h2><div class="chips">' + CAT.categories.map(function (c) {
        return '<a class="chip" href="' + url('/category/' + c.id) + '">' + esc(L(c)) + '</a>'; }).join('')
      + '<a class="chip" href="' + url('/items/cheap') + '">' + t('cheap') + '</a></div>'
      + '<h2>' + t('newIn') + '</h2>' + grid(['1', '16', '11', '21', '6', '3', '28', '4'].map(item))
      + '<section class="promo"><a href="' + url('/staff') + '"><b>' + t('staffTitle') + '</b><span>' + t('staffLead') + '</span></a>'
      + '<a href="' + url('/request') + '"><b>' + t('request') + '</b><span>' + t('requestLead') + '</span></a>'
      + '<a href="' + url('/signup') + '"><b>' + t('signup') + '</b><span>' + t('signupLead') + '</span></a></section>';
  }
  function listing(title, items, lead) {
    return '<h1>' + esc(title) + '</h1>' + (lead ? '<p class="lead">' + esc(lead) + '</p>' : '') + grid(items);
  }
  function itemPage(i) {
    var desc = {
      tops: {ja: '肌ざわりのよい素材で、一枚でも重ね着でも。', en: 'A soft fabric that works alone or layered.'},
      bottoms: {ja: 'すっきり見えるシルエットで、どんなトップスにも。', en: 'A clean silhouette that goes with any top.'},
      outer: {ja: '軽くて暖かい、この冬の主役。', en: 'Light and warm: the piece of this winter.'},
      dresses: {ja: '一枚で決まる、着回し自在のワンピース。', en: 'One piece, a whole outfit, many ways to wear it.'},
      shoes: {ja: '一日中歩いても疲れにくいつくり。', en: 'Made to walk in all day.'},
      goods: {ja: 'ちょっとしたギフトにも。', en: 'A small gift, too.'}
    }[i.cat];
    return '<nav class="crumbs"><a href="' + url('/') + '">' + t('shop') + '</a> › <a href="' + url('/category/' + i.cat) + '">' + esc(L(catById(i.cat))) + '</a></nav>'
      + '<article class="item" data-item-id="' + esc(i.id) + '"><img class="photo" src="' + image(i) + '" alt="' + esc(L(i)) + '" width="300" height="300">'
      + '<div class="buy"><h1>' + esc(L(i)) + '</h1><p class="big">' + priceTag(i) + ' <small>' + t('taxIn') + '</small></p>'
      + '<p>' + esc(L(desc)) + '</p>'
      + '<label>' + t('size') + ' <select id="size"><option>S</option><option selected>M</option><option>L</option></select></label> '
      + '<label>' + t('qty') + ' <input id="qty" type="number" min="1" max="9" value="1"></label>'
      + '<p class="actions"><button type="button" class="button" id="add-to-cart">' + t('addToCart') + '</button> '
      + '<button type="button" class="ghost" id="favorite" aria-label="' + t('favorite') + '">♡ ' + t('favorite') + '</button></p>'
      + '<p id="added" class="notice" hidden>' + t('added') + ' — <a href="' + url('/cart') + '" id="go-cart">' + t('viewCart') + '</a></p>'
      + '<p class="ship">' + t('shipNote') + '</p></div></article>'
      + '<h2>' + t('related') + '</h2>' + grid(byCat(i.cat).filter(function (o) { return o.id !== i.id; }).slice(0, 4));
  }
  function cartPage() {
    var lines = cart();
    if (!lines.length) return '<h1>' + t('cart') + '</h1><p id="cart-empty">' + t('cartEmpty') + '</p><p><a class="button" href="' + url('/items') + '">' + t('keepShopping') + '</a></p>';
    var total = cartTotal(lines);
    var ship = total >= FREE_SHIPPING ? 0 : 550;
    return '<h1>' + t('cart') + '</h1><table class="cart"><tbody>' + lines.map(function (l) {
        var i = item(l.id);
        return '<tr data-line="' + esc(i.id) + '"><td><img src="' + image(i) + '" alt="" width="64" height="64"></td><td><a href="' + url('/items/' + i.id) + '">' + esc(L(i)) + '</a><br>' + yen(price(i)) + '</td>'
          + '<td><input class="line-qty" type="number" min="0" max="9" value="' + l.qty + '" aria-label="' + t('qty') + '"></td>'
          + '<td class="num">' + yen(price(i) * l.qty) + '</td><td><button type="button" class="ghost remove">' + t('remove') + '</button></td></tr>';
      }).join('') + '</tbody></table>'
      + '<div class="summary"><p class="progress">' + (ship ? t('toFree', {n: (FREE_SHIPPING - total).toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US')}) : t('isFree')) + '</p>'
      + '<dl><dt>' + t('subtotal') + '</dt><dd id="cart-total">' + yen(total) + '</dd><dt>' + t('shipping') + '</dt><dd>' + (ship ? yen(ship) : t('free')) + '</dd>'
      + '<dt>' + t('total') + '</dt><dd><b>' + yen(total + ship) + '</b></dd></dl>'
      + '<label>' + t('coupon') + ' <input id="coupon-code" autocomplete="off"></label>'
      + '<p><button type="button" class="button" id="place-order">' + t('placeOrder') + '</button></p></div>';
  }
  function orderComplete() {
    var order = load(sessionStorage, KEYS.order, null);
    return '<h1>' + t('thanks') + '</h1>' + (order ? '<p>' + t('orderNo') + ': <b id="order-id">' + esc(order.order_id) + '</b> — ' + t('total') + ' ' + yen(order.price) + '</p>' : '')
      + '<p><a class="button" href="' + url('/') + '">' + t('backTop') + '</a></p>';
  }
  function signupPage() {
    return '<h1>' + t('signup') + '</h1><p class="lead">' + t('signupLead') + '</p><form id="signup-form" class="form">'
      + '<label>' + t('name') + '<input name="name" required autocomplete="name"></label>'
      + '<label>' + t('email') + '<input name="email" type="email" required autocomplete="email"></label>'
      + '<label>' + t('password') + '<input name="password" type="password" required minlength="4" autocomplete="new-password"></label>'
      + '<button class="button" id="signup-submit">' + t('register') + '</button></form>';
  }
  function signupComplete() {
    return '<h1>' + t('signupDone') + '</h1><p>' + t('signupDoneText') + '</p><p><a class="button" id="to-login" href="' + url('/member/login') + '">' + t('login') + '</a></p>';
  }
  function loginPage() {
    var pending = load(localStorage, KEYS.signup + '_last', null);
    return '<h1>' + t('login') + '</h1><form id="login-form" class="form">'
      + '<label>' + t('email') + '<input name="email" type="email" required autocomplete="email" value="' + esc(pending ? pending.email : '') + '"></label>'
      + '<label>' + t('password') + '<input name="password" type="password" required autocomplete="current-password"></label>'
      + '<label>' + t('rank') + ' <small>' + t('rankDemo') + '</small><select name="rank" id="rank">'
      + ['regular', 'silver', 'gold'].map(function (r) { return '<option value="' + r + '">' + t(r) + '</option>'; }).join('') + '</select></label>'
      + '<button class="button" id="login-submit">' + t('login') + '</button></form>'
      + '<p><a href="' + url('/signup') + '">' + t('signup') + '</a></p>';
  }
  function memberPage() {
    var m = member();
    if (!m) return loginPage();
    return '<h1>' + t('hello', {name: esc(m.name)}) + '</h1><div class="membercard rank-' + esc(m.rank) + '"><span>' + t('rank') + '</span><b id="member-rank">' + t(m.rank) + '</b>'
      + '<span>' + t('points') + '</span><b>500</b></div><p>' + t('rankPerks') + (m.rank === 'gold' ? ' <a href="' + url('/sale/gold') + '">' + t('goldSale') + '</a>' : '') + '</p>'
      + '<p><button type="button" class="ghost" id="logout">' + t('logout') + '</button></p>';
  }
  function goldSale() {
    var m = member();
    if (!m || m.rank !== 'gold') return '<h1>' + t('goldSale') + '</h1><p>' + t('goldOnly') + '</p>';
    return listing(t('goldSale'), CAT.items.filter(function (i) { return i.cat === 'outer' || i.cat === 'dresses'; }));
  }
  function staffList() {
    return '<h1>' + t('staffTitle') + '</h1><p class="lead">' + t('staffLead') + '</p><div class="staff">' + CAT.staff.map(function (s) {
      return '<a class="person" href="' + url('/staff/' + s.id) + '"><span class="avatar">' + esc(s.ja.charAt(0)) + '</span><b>' + esc(L(s)) + '</b><span>' + t('height') + ' ' + s.height + 'cm</span></a>';
    }).join('') + '</div>';
  }
  function staffPage(s) {
    return '<nav class="crumbs"><a href="' + url('/staff') + '">' + t('staffTitle') + '</a></nav><h1>' + esc(L(s)) + '</h1>'
      + '<p class="lead">' + t('height') + ' <b>' + s.height + 'cm</b> — ' + esc(lang === 'ja' ? s.noteJa : s.noteEn) + '</p>'
      + '<h2>' + t('items') + '</h2>' + grid(s.items.map(item));
  }
  function requestPage() {
    return '<h1>' + t('request') + '</h1><p class="lead">' + t('requestLead') + '</p><form id="request-form" class="form">'
      + '<label>' + t('name') + '<input name="name" required autocomplete="name"></label>'
      + '<label>' + t('address') + '<input name="address" required autocomplete="street-address"></label>'
      + '<label>' + t('email') + '<input name="email" type="email" autocomplete="email"></label>'
      + '<button class="button" id="request-submit">' + t('send') + '</button></form><p id="request-done" class="notice" hidden>' + t('requestDone') + '</p>';
  }
  function guidePage() {
    return '<h1>' + t('guide') + '</h1><ul class="plain"><li>' + t('shipNote') + '</li><li><a href="' + url('/guide/shipping') + '">' + t('guideShipping') + '</a></li>'
      + '<li><a href="' + url('/signup') + '">' + t('signup') + '</a></li><li><a href="' + url('/request') + '">' + t('request') + '</a></li></ul>';
  }
  function shippingPage() {
    var rows = lang === 'ja'
      ? [['送料', '全国一律550円 (5,000円以上のご注文で無料)'], ['お届け', 'ご注文から2〜4日'], ['返品', '到着後30日以内は無料']]
      : [['Shipping', '550 yen anywhere in Japan (free from 5,000 yen)'], ['Delivery', '2 to 4 days after the order'], ['Returns', 'free within 30 days of delivery']];
    return '<h1>' + t('guideShipping') + '</h1><dl class="facts">' + rows.map(function (r) { return '<dt>' + r[0] + '</dt><dd>' + r[1] + '</dd>'; }).join('') + '</dl>';
  }

  // ---- behaviour -----------------------------------------------------------------------------------
  function on(id, type, fn) {
    var el = document.getElementById(id);
    if (el) el.addEventListener(type, fn);
  }
  function go(p) { location.href = url(p); }

  function wire() {
    on('lang-toggle', 'click', function () {
      save(localStorage, KEYS.lang, lang === 'ja' ? 'en' : 'ja');
      location.reload();
    });
    on('add-to-cart', 'click', function () {
      var lines = cart();
      var qty = Math.max(1, Math.min(9, parseInt(document.getElementById('qty').value, 10) || 1));
      var line = lines.filter(function (l) { return l.id === page.item.id; })[0];
      if (line) line.qty += qty; else lines.push({id: page.item.id, qty: qty});
      setCart(lines);
      document.getElementById('added').hidden = false;
      document.querySelector('#nav-cart .count').textContent = cartCount(lines);
    });
    on('favorite', 'click', function () {
      send('track', 'favorite', {item_id: page.item.id});
      this.textContent = '♥ ' + t('favorited');
    });
    document.querySelectorAll('table.cart tr').forEach(function (tr) {
      var id = tr.getAttribute('data-line');
      function change(qty) {
        var lines = cart().map(function (l) { return l.id === id ? {id: id, qty: qty} : l; }).filter(function (l) { return l.qty > 0; });
        setCart(lines);
        renderBody();
      }
      tr.querySelector('.line-qty').addEventListener('change', function () { change(Math.max(0, Math.min(9, parseInt(this.value, 10) || 0))); });
      tr.querySelector('.remove').addEventListener('click', function () { change(0); });
    });
    on('place-order', 'click', function () {
      var lines = cart();
      var code = document.getElementById('coupon-code').value.trim();
      var order = {order_id: 'o_' + Date.now().toString(36), price: cartTotal(lines), items: cartCount(lines),
        item_ids: lines.map(function (l) { return l.id; }), reported: false};
      if (code) order.coupon = code.slice(0, 64);
      save(sessionStorage, KEYS.order, order);
      save(localStorage, KEYS.cart, []);
      go('/order/complete');
    });
    on('signup-form', 'submit', function (e) {
      e.preventDefault();
      var f = e.target;
      var account = {name: f.name.value.trim(), email: f.email.value.trim()};
      save(sessionStorage, KEYS.signup, account);
      save(localStorage, KEYS.signup + '_last', account);
      go('/signup/complete');
    });
    on('login-form', 'submit', function (e) {
      e.preventDefault();
      var f = e.target;
      var email = f.email.value.trim().toLowerCase();
      var last = load(localStorage, KEYS.signup + '_last', null);
      var m = {id: 'u_' + email.replace(/[^a-z0-9]+/g, '_').slice(0, 60), name: last && last.email.toLowerCase() === email ? last.name : email.split('@')[0], rank: f.rank.value};
      save(localStorage, KEYS.member, m);
      // the tag sends what waits when the page goes away, so the identify request leaves before the member
      // page asks for actions; what its answer brings for this page is not shown, the member page decides
      send('identify', m.id, {member_rank: m.rank, name: m.name});
      go('/member');
    });
    on('logout', 'click', function () {
      save(localStorage, KEYS.member, null);
      go('/');
    });
    on('request-form', 'submit', function (e) {
      e.preventDefault();
      send('track', 'brochure_request', {});
      e.target.hidden = true;
      document.getElementById('request-done').hidden = false;
    });
  }

  /** Reports done once per order / sign-up, not again when the page is reloaded. */
  function reportOnce() {
    if (path === '/order/complete') {
      var order = load(sessionStorage, KEYS.order, null);
      if (order && !order.reported) {
        send('track', 'buy', {order_id: order.order_id, price: order.price, items: order.items, item_ids: order.item_ids, coupon: order.coupon || null});
        order.reported = true;
        save(sessionStorage, KEYS.order, order);
      }
    }
    if (path === '/signup/complete') {
      var account = load(sessionStorage, KEYS.signup, null);
      if (account) {
        send('track', 'signup_complete', {});
        save(sessionStorage, KEYS.signup, null);
      }
    }
  }

  /** A line per tag event, so a visitor of the demo sees what Omotenashi did on this page. */
  function tagLog() {
    ['delivered', 'shown', 'clicked', 'closed', 'control', 'submitted', 'error'].forEach(function (type) {
      send('on', type, function (d) {
        var ol = document.getElementById('tag-log');
        if (ol) {
          var li = document.createElement('li');
          li.textContent = type + (d.campaign ? ' ' + d.campaign + ' (' + d.template + ')' : '') + (d.error ? ' ' + d.error + ': ' + (d.message || '') : '');
          ol.appendChild(li);
        }
        if (type === 'clicked' && d.template === 'chat_invite') toast(t('chatSoon'));
      });
    });
  }
  function toast(text) {
    var el = document.createElement('div');
    el.className = 'toast';
    el.setAttribute('role', 'status');
    el.textContent = text;
    document.body.appendChild(el);
    setTimeout(function () { el.remove(); }, 4000);
  }

  function renderBody() {
    var app = document.getElementById('app');
    app.innerHTML = header() + '<main>' + page.render() + '</main>' + footer();
    wire();
  }

  window.OmotenashiDemo = {viewProperties: viewProperties, tagLog: tagLog};
  document.addEventListener('DOMContentLoaded', function () {
    renderBody();
    reportOnce();
  });
})();
