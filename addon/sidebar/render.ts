// Renders the server's answers: the message, findings, completeness, indicators, last send and positioning.
import type {
  CampaignView,
  FindingView,
  IndicatorGroup,
  PanelState,
  PositioningLine,
  PositioningView,
  SubmissionView,
  Verification,
} from "../src/panel-types.ts";
import { explanationBox } from "./dialogue.ts";
import { el, fill } from "./dom.ts";

export type MessageKind = "info" | "success" | "error";

/** Errors are announced at once (role alert); other news politely (role status). */
export function showMessage(kind: MessageKind, ...sentences: (string | null)[]): void {
  const text = sentences.filter((s): s is string => !!s);
  if (text.length === 0) {
    fill("message", null);
    return;
  }
  const box = el(
    "div",
    { class: `message message-${kind}`, role: kind === "error" ? "alert" : "status" },
    ...text.map((t) => el("p", {}, t)),
  );
  fill("message", box);
}

const SEVERITY = { error: "Erreur", warning: "Avertissement" } as const;

/** Each warning's explanation box: the texts kept so far, and how to save one. */
export interface Explaining {
  texts: Readonly<Record<string, string>>;
  save(field: string, text: string): void;
}

export function renderFindings(
  findings: readonly FindingView[],
  select: (cell: string) => void,
  heading = "Points à vérifier",
  explain?: Explaining,
): void {
  if (findings.length === 0) {
    fill("findings", null);
    return;
  }
  const items = findings.map((f) => {
    const body = [
      el("span", { class: `badge badge-${f.severity}` }, SEVERITY[f.severity]),
      el("span", { class: "finding-message" }, f.message),
      f.place ? el("span", { class: "finding-place" }, f.place) : null,
    ];
    const cell = f.cell;
    const content = cell
      ? el(
          "button",
          {
            type: "button",
            class: "finding-button",
            title: "Sélectionner la cellule dans le classeur",
          },
          ...body,
        )
      : el("div", { class: "finding-button finding-static" }, ...body);
    if (cell) content.addEventListener("click", () => select(cell));
    const box = explain
      ? explanationBox(f, (f.field && explain.texts[f.field]) || "", explain.save)
      : null;
    return el("li", { class: `finding finding-${f.severity}` }, content, box);
  });
  fill("findings", el("h2", {}, heading), el("ul", { class: "findings" }, ...items));
}

export function renderCompleteness(v: Verification): void {
  fill(
    "completeness",
    el("h2", {}, "Complétude"),
    el("p", {}, `Champs obligatoires remplis : ${v.filled} sur ${v.required} (${v.completeness}).`),
    el("progress", {
      max: String(v.required),
      value: String(v.filled),
      "aria-label": `Champs obligatoires remplis : ${v.completeness}`,
    }),
    el(
      "p",
      { class: "counts" },
      `${v.errors} erreur${v.errors > 1 ? "s" : ""}, ${v.warnings} avertissement${v.warnings > 1 ? "s" : ""}.`,
    ),
  );
}

function indicatorLine(line: IndicatorGroup["lines"][number]): HTMLElement {
  const band = line.band
    ? el(
        "span",
        {
          class: "band",
          style: `background:${line.background};color:${line.fontColor}`,
        },
        line.band,
      )
    : null;
  return el(
    "li",
    { class: "indicator-line" },
    el("span", { class: "indicator-name" }, line.name),
    el("span", { class: "indicator-value" }, line.value),
    band,
    line.reason ? el("span", { class: "indicator-reason" }, line.reason) : null,
    line.standing
      ? el("span", { class: "indicator-standing" }, `Avant envoi : ${line.standing}.`)
      : null,
  );
}

export function renderIndicators(groups: readonly IndicatorGroup[]): void {
  fill(
    "indicators",
    el("h2", {}, "Les huit indicateurs"),
    el(
      "ol",
      { class: "indicators" },
      ...groups.map((g) =>
        el("li", { class: "indicator-group" }, el("ul", {}, ...g.lines.map(indicatorLine))),
      ),
    ),
  );
}

/** The campaign's deadline under the structure's name; nothing when the service could not say it. */
export function renderCampaign(view: CampaignView | null): void {
  fill("deadline", view?.text ?? null);
}

export function renderState(state: PanelState): void {
  fill("campaign", state.lastSubmission ? lastSubmissionLine(state.lastSubmission) : null);
}

export function lastSubmissionLine(s: SubmissionView): HTMLElement {
  const who = s.who ? `, par ${s.who}` : "";
  return el(
    "p",
    { class: "last-submission" },
    `Dernier envoi : révision ${s.revision} du retour ${s.year} (${s.structureCode}), le ${s.when}${who}.`,
  );
}

/** Text for screen readers only, beside a sign shown to the eye ("—", "↗"). */
const spoken = (sign: string, words: string) => [
  el("span", { "aria-hidden": "true" }, sign),
  el("span", { class: "sr-only" }, words),
];

/** Each value per campaign, a gap read "pas de valeur", then the arrow with its words. */
function trajectoryRow(l: PositioningLine): HTMLElement | null {
  const t = l.trajectory;
  if (!t) return null;
  const points = t.points.map((p) =>
    el(
      "li",
      { class: p.value === null ? "gap" : "" },
      el("span", { class: "year" }, `${p.year} : `),
      ...(p.value === null ? spoken("—", "pas de valeur") : [p.value]),
    ),
  );
  return el(
    "tr",
    {},
    el("th", { scope: "row" }, l.name),
    el("td", { class: "points" }, el("ul", {}, ...points)),
    el("td", { class: "trend" }, ...(t.arrow && t.trend ? spoken(t.arrow, t.trend) : ["—"])),
  );
}

/** The trajectories table, when the structure has at least two campaigns. */
function trajectories(p: PositioningView): HTMLElement | null {
  const rows = p.lines.map(trajectoryRow).filter((r): r is HTMLElement => r !== null);
  if (rows.length === 0) return null;
  return captionedTable(
    "trajectory",
    "Trajectoire : vos valeurs par campagne (« — » : pas de valeur)",
    ["Indicateur", "Valeurs", "Tendance"],
    rows,
  );
}

/** A table with its caption and column headers, the rows' own headers being theirs to give. */
function captionedTable(
  className: string,
  caption: string,
  columns: readonly string[],
  rows: readonly HTMLElement[],
): HTMLElement {
  return el(
    "table",
    { class: className },
    el("caption", {}, caption),
    el("thead", {}, el("tr", {}, ...columns.map((c) => el("th", { scope: "col" }, c)))),
    el("tbody", {}, ...rows),
  );
}

export function renderPositioning(p: PositioningView): void {
  const rows = p.lines.map((l) =>
    el(
      "tr",
      {},
      el("th", { scope: "row" }, l.name),
      el("td", {}, l.value),
      el("td", {}, l.median),
      el("td", { class: "position" }, l.position),
    ),
  );
  fill(
    "positioning",
    el("h2", {}, "Positionnement dans le réseau"),
    el("p", {}, p.summary),
    p.fragile.length > 0
      ? el("p", { class: "fragile" }, `Indicateurs en zone rouge : ${p.fragile.join(", ")}.`)
      : null,
    captionedTable(
      "positioning",
      "Votre valeur, la médiane du réseau et votre position",
      ["Indicateur", "Valeur", "Médiane", "Position"],
      rows,
    ),
    trajectories(p),
  );
}
