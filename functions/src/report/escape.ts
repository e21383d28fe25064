// Escapes text for HTML and SVG (element content and double-quoted attributes), and writes web addresses as links.
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

export const escapeXml = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => ENTITIES[c] as string);

/** A web address, without the sentence's closing punctuation after it. */
const ADDRESS = /https?:\/\/[^\s<>"]*[^\s<>".,;:!?)»]/g;

/**
 * Text for an HTML mail, each web address a link that may break between any two characters: a long address (the
 * privacy page's, set by the Union) is otherwise one word wider than a phone, and the whole mail with it.
 */
export function escapeWithLinks(text: string): string {
  let html = "";
  let at = 0;
  for (const m of text.matchAll(ADDRESS)) {
    const address = escapeXml(m[0]);
    html += `${escapeXml(text.slice(at, m.index))}<a href="${address}" style="word-break:break-all">${address}</a>`;
    at = m.index + m[0].length;
  }
  return html + escapeXml(text.slice(at));
}
