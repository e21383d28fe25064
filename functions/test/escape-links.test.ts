// escapeWithLinks: text escaped for HTML, each http(s) address a link that may break anywhere, the sentence's closing
// punctuation left out of it, nothing else turned into a link.
import { describe, expect, it } from "vitest";
import { escapeWithLinks, escapeXml } from "../src/report/escape.ts";

const link = (address: string) =>
  `<a href="${address}" style="word-break:break-all">${address}</a>`;

describe("escapeWithLinks", () => {
  it("escapes text without an address exactly as escapeXml does", () => {
    const text = `PIMMS Cenon <rive droite> & "co" : 12,5 %`;
    expect(escapeWithLinks(text)).toBe(escapeXml(text));
  });

  it("links each address, leaving the sentence's punctuation after it", () => {
    expect(
      escapeWithLinks(
        "Voir https://a.example/page. Ou (http://b.example/x?y=1), « https://c.example » !",
      ),
    ).toBe(
      `Voir ${link("https://a.example/page")}. Ou (${link("http://b.example/x?y=1")}), « ${link("https://c.example")} » !`,
    );
  });

  it("escapes an address's ampersand in the link and its text", () => {
    expect(escapeWithLinks("https://a.example/?a=1&b=<2>")).toBe(
      `${link("https://a.example/?a=1&amp;b=")}&lt;2&gt;`,
    );
  });

  it("links only http and https addresses", () => {
    for (const text of ["javascript:alert(1)", "ftp://a.example/f", "mailto:union@pimms.example"])
      expect(escapeWithLinks(text)).toBe(escapeXml(text));
  });
});
