// Small DOM helpers: elements built with text content only, so no server text is ever parsed as HTML.

type Child = Node | string | null;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) if (child !== null) node.append(child);
  return node;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

/** Replaces a section's content and shows it (or hides it when there is nothing). */
export function fill(id: string, ...children: Child[]): void {
  const section = byId(id);
  section.replaceChildren(...children.filter((c): c is Node | string => c !== null));
  section.hidden = children.every((c) => c === null);
}
