/**
 * Content from the server is HTML-escaped (docs/rendering.md): exactly `& < > " '` became `&amp; &lt; &gt;
 * &quot; &#39;`. The tag undoes exactly that one level and inserts the result as text (textContent,
 * setAttribute), so an operator's "Tom & Jerry" shows as written, never as "Tom &amp; Jerry", and nothing
 * a content string holds can become markup: even a string the server failed to escape stays text.
 */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** The text a content value stands for ('' for null/undefined; numbers as written). */
export const text = (v: unknown): string =>
  typeof v == 'string' ? v.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ENTITIES[e]) : v == null ? '' : String(v);

/**
 * A link (`image` false) or image URL that is safe to put in href/src: http(s), mailto: and tel: for links,
 * http(s) for images, relative URLs for both. Anything else (`javascript:`, `data:` …) is null.
 */
export function url(v: unknown, image?: boolean): string | null {
  const u = text(v).trim();
  if (!u) return null;
  try {
    const p = new URL(u, location.href).protocol;
    return (image ? /^https?:$/ : /^(https?|mailto|tel):$/).test(p) ? u : null;
  } catch {
    return null;
  }
}
