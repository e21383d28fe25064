// Escapes text for HTML and SVG (element content and double-quoted attributes).
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

export const escapeXml = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => ENTITIES[c] as string);
