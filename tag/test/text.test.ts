import { describe, expect, it } from 'vitest';
import { text, url } from '../src/text';

describe('text: undoing the server escaping exactly once', () => {
  it('turns the five entities the server writes back into characters', () => {
    expect(text('Tom &amp; Jerry &lt;3 &quot;Levi&#39;s&quot; &gt;')).toBe(`Tom & Jerry <3 "Levi's" >`);
  });

  it('undoes one level only: an operator who wrote "&lt;" sees "&lt;"', () => {
    expect(text('&amp;lt;b&amp;gt;')).toBe('&lt;b&gt;');
  });

  it('leaves other entities as written text', () => {
    expect(text('&copy; &#x41;')).toBe('&copy; &#x41;');
  });

  it('shows numbers as written and nothing for null', () => {
    expect(text(4500)).toBe('4500');
    expect(text(null)).toBe('');
    expect(text(undefined)).toBe('');
  });
});

describe('url: only safe schemes reach href and src', () => {
  it('accepts http(s), relative, mailto and tel links', () => {
    for (const u of ['https://shop.example/a', 'http://x.example', '/items/1', '?q=1', '#top', 'mailto:a@b.example', 'tel:0120123456']) {
      expect(url(u)).toBe(u);
    }
  });

  it('refuses javascript:, data: and vbscript:, however written', () => {
    for (const u of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<b>', 'vbscript:x']) {
      expect(url(u)).toBeNull();
    }
  });

  it('decodes the escaped URL before checking it', () => {
    expect(url('/search?a=1&amp;b=2')).toBe('/search?a=1&b=2');
  });

  it('allows only http(s) and relative URLs for images', () => {
    expect(url('/img/a.png', true)).toBe('/img/a.png');
    expect(url('tel:1', true)).toBeNull();
    expect(url('mailto:a@b.example', true)).toBeNull();
  });
});
