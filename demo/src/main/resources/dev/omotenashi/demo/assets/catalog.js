/*
 * The demo shop's catalog: categories, items, staff. Plain data, loaded before the shop's script and read
 * by demo/tools/make-images.mjs, which draws each item's SVG (img/item-<id>.svg) from `shape` and `color`.
 * Prices are in yen, tax included. Some prices are chosen for the scenarios: a 4,500 yen item alone puts
 * the cart in S10's 4,000-5,000 yen band; 3,000 and 5,200 fall outside it; 4,000 and 5,000 are its bounds.
 */
window.OMOTENASHI_DEMO_CATALOG = {
  categories: [
    {id: 'tops', ja: 'トップス', en: 'Tops'},
    {id: 'bottoms', ja: 'ボトムス', en: 'Bottoms'},
    {id: 'outer', ja: 'アウター', en: 'Outerwear'},
    {id: 'dresses', ja: 'ワンピース', en: 'Dresses'},
    {id: 'shoes', ja: 'シューズ', en: 'Shoes'},
    {id: 'goods', ja: '雑貨・小物', en: 'Accessories'}
  ],
  items: [
    {id: '1', cat: 'tops', ja: 'リネンシャツ', en: 'Linen shirt', price: 4500, shape: 'shirt', color: '#9bb7d4'},
    {id: '2', cat: 'tops', ja: 'ボーダーTシャツ', en: 'Striped T-shirt', price: 2900, shape: 'tshirt', color: '#1f3a5f', pattern: 'stripes'},
    {id: '3', cat: 'tops', ja: 'コットンニット', en: 'Cotton knit sweater', price: 5200, shape: 'sweater', color: '#c8a27a'},
    {id: '4', cat: 'tops', ja: 'オーバーサイズパーカー', en: 'Oversized hoodie', price: 4000, shape: 'hoodie', color: '#7a8b6f'},
    {id: '5', cat: 'tops', ja: '白ブラウス', en: 'White blouse', price: 3000, shape: 'shirt', color: '#f4f1ea'},
    {id: '6', cat: 'bottoms', ja: 'テーパードチノパンツ', en: 'Tapered chinos', price: 5000, shape: 'pants', color: '#b59a6d'},
    {id: '7', cat: 'bottoms', ja: 'セルビッジデニム', en: 'Selvedge jeans', price: 7900, shape: 'pants', color: '#3b5b8c'},
    {id: '8', cat: 'bottoms', ja: 'プリーツスカート', en: 'Pleated skirt', price: 4800, shape: 'skirt', color: '#6b4e71'},
    {id: '9', cat: 'bottoms', ja: 'ワイドスラックス', en: 'Wide slacks', price: 6500, sale: 4550, shape: 'pants', color: '#4a4a4a'},
    {id: '10', cat: 'bottoms', ja: 'ショートパンツ', en: 'Shorts', price: 2500, shape: 'shorts', color: '#d9c5a0'},
    {id: '11', cat: 'outer', ja: 'ウールコート', en: 'Wool coat', price: 19800, sale: 9900, shape: 'coat', color: '#5a4636'},
    {id: '12', cat: 'outer', ja: 'ダウンジャケット', en: 'Down jacket', price: 15000, sale: 7500, shape: 'jacket', color: '#2e3d30'},
    {id: '13', cat: 'outer', ja: 'デニムジャケット', en: 'Denim jacket', price: 8900, shape: 'jacket', color: '#4d6f99'},
    {id: '14', cat: 'outer', ja: 'トレンチコート', en: 'Trench coat', price: 16500, sale: 11550, shape: 'coat', color: '#c2a878'},
    {id: '15', cat: 'outer', ja: 'ロングカーディガン', en: 'Long cardigan', price: 4200, shape: 'cardigan', color: '#a3685a'},
    {id: '16', cat: 'dresses', ja: '花柄ワンピース', en: 'Floral dress', price: 6900, shape: 'dress', color: '#d98fa0', pattern: 'dots'},
    {id: '17', cat: 'dresses', ja: 'シャツワンピース', en: 'Shirt dress', price: 5900, shape: 'dress', color: '#8fb3a8'},
    {id: '18', cat: 'dresses', ja: 'ニットワンピース', en: 'Knit dress', price: 7500, sale: 5250, shape: 'dress', color: '#8a6e5a'},
    {id: '19', cat: 'dresses', ja: 'パーティードレス', en: 'Party dress', price: 12000, shape: 'dress', color: '#2b2d5c'},
    {id: '20', cat: 'dresses', ja: 'キャミワンピース', en: 'Slip dress', price: 4900, shape: 'dress', color: '#e0c9b1'},
    {id: '21', cat: 'shoes', ja: '白スニーカー', en: 'White sneakers', price: 6800, shape: 'sneaker', color: '#e9e9e9'},
    {id: '22', cat: 'shoes', ja: 'レザーローファー', en: 'Leather loafers', price: 9800, shape: 'shoe', color: '#5b3a29'},
    {id: '23', cat: 'shoes', ja: 'レインブーツ', en: 'Rain boots', price: 3900, shape: 'boot', color: '#2f4f4f'},
    {id: '24', cat: 'shoes', ja: 'レザーサンダル', en: 'Leather sandals', price: 2900, shape: 'sandal', color: '#c98b5b'},
    {id: '25', cat: 'shoes', ja: 'スリッポン', en: 'Slip-ons', price: 3500, shape: 'sneaker', color: '#2a2a2a'},
    {id: '26', cat: 'goods', ja: 'ソックス3足セット', en: 'Socks, 3 pairs', price: 990, shape: 'socks', color: '#c04040'},
    {id: '27', cat: 'goods', ja: '今治タオルハンカチ', en: 'Imabari towel handkerchief', price: 500, shape: 'square', color: '#6a9fb5', pattern: 'dots'},
    {id: '28', cat: 'goods', ja: '帆布トートバッグ', en: 'Canvas tote bag', price: 1500, shape: 'bag', color: '#d8cfc0'},
    {id: '29', cat: 'goods', ja: 'ニット帽', en: 'Knit beanie', price: 1200, shape: 'hat', color: '#8c2f39'},
    {id: '30', cat: 'goods', ja: 'ウールストール', en: 'Wool stole', price: 2000, shape: 'scarf', color: '#7b8fa1', pattern: 'stripes'}
  ],
  staff: [
    {id: '1', ja: '佐藤 (新宿店)', en: 'Sato (Shinjuku store)', height: 155, items: ['5', '8', '15', '25'],
     noteJa: '小柄さんでもバランスよく見える、ひざ丈スカートのコーデ。', noteEn: 'A knee-length skirt look that keeps a petite frame in balance.'},
    {id: '2', ja: '鈴木 (渋谷店)', en: 'Suzuki (Shibuya store)', height: 162, items: ['16', '13', '21', '28'],
     noteJa: '花柄ワンピースにデニムジャケットを重ねた休日コーデ。', noteEn: 'A floral dress under a denim jacket for the weekend.'},
    {id: '3', ja: '高橋 (梅田店)', en: 'Takahashi (Umeda store)', height: 170, items: ['1', '6', '22', '30'],
     noteJa: 'リネンシャツとチノで、きれいめなオフィスカジュアル。', noteEn: 'A linen shirt with chinos: smart office casual.'},
    {id: '4', ja: '田中 (天神店)', en: 'Tanaka (Tenjin store)', height: 178, items: ['4', '7', '12', '29'],
     noteJa: 'パーカーにダウンを合わせた、冬の街歩きコーデ。', noteEn: 'A hoodie under a down jacket for winter walks in town.'}
  ]
};
