// The sidebar's side of the review dialogue: the Union's review at the top, the attestation form, the explanation
// boxes under warnings, and what changed with the last send.
import type { AttestationView, FindingView, ReviewView } from "../src/panel-types.ts";
import { el, fill } from "./dom.ts";

const ROLES = [
  ["direction", "Direction"],
  ["présidence", "Présidence"],
  ["trésorerie", "Trésorerie"],
] as const;

/** The Union's latest review, its named fields each a button to the cell. */
export function renderReview(view: ReviewView | null, select: (cell: string) => void): void {
  if (!view) {
    fill("review", null);
    return;
  }
  const fields = view.fields.map((f) => {
    const cell = f.cell;
    const label = f.place ? `${f.label} (${f.place})` : f.label;
    if (!cell) return el("li", {}, label);
    const button = el(
      "button",
      { type: "button", class: "link-button", title: "Sélectionner la cellule dans le classeur" },
      label,
    );
    button.addEventListener("click", () => select(cell));
    return el("li", {}, button);
  });
  fill(
    "review",
    el("h2", {}, `Avis de l'Union sur la révision ${view.revision} : ${view.state}`),
    el("p", { class: "review-headline" }, view.headline),
    view.comment ? el("blockquote", { class: "review-comment" }, view.comment) : null,
    el(
      "p",
      { class: "review-who" },
      `Par ${view.who ?? "l'Union"}, le ${view.when} (heure de Paris).`,
    ),
    fields.length ? el("p", {}, "Champs concernés :") : null,
    fields.length ? el("ul", { class: "review-fields" }, ...fields) : null,
  );
}

/** The attestation form: who vouches for the figures, typed once and kept with the workbook. */
export function renderAttestation(
  current: AttestationView | null,
  save: (name: string, role: string) => void,
): void {
  const name = el("input", {
    id: "attestation-name",
    type: "text",
    autocomplete: "name",
    maxlength: "120",
  });
  name.value = current?.name ?? "";
  const role = el(
    "select",
    { id: "attestation-role" },
    el("option", { value: "" }, "Choisissez…"),
    ...ROLES.map(([value, label]) => el("option", { value }, label)),
  );
  role.value = current?.role ?? "";
  const button = el("button", { type: "button", id: "attestation-save" }, "Enregistrer");
  button.addEventListener("click", () => save(name.value, role.value));
  fill(
    "attestation",
    el("h2", {}, "Attestation"),
    el(
      "p",
      { class: "hint" },
      current
        ? `Chiffres attestés par ${current.name} (${current.role}).`
        : "Avant l'envoi, indiquez qui atteste l'exactitude des chiffres.",
    ),
    el("label", { for: "attestation-name" }, "Nom et prénom"),
    name,
    el("label", { for: "attestation-role" }, "Fonction"),
    role,
    button,
  );
}

let explainCounter = 0;

/** A text box under a warning: the director's explanation, saved in the workbook when it changes. */
export function explanationBox(
  f: FindingView,
  text: string,
  save: (field: string, text: string) => void,
): HTMLElement | null {
  const field = f.field;
  if (f.severity !== "warning" || !field) return null;
  const id = `explain-${++explainCounter}`;
  const box = el("textarea", { id, rows: "2", maxlength: "1000", class: "explanation" });
  box.value = text;
  box.addEventListener("change", () => save(field, box.value));
  return el(
    "div",
    { class: "explain" },
    el("label", { for: id }, "Votre explication (envoyée à l'Union avec le retour)"),
    box,
  );
}

/** What changed since the previous revision, after a send. */
export function renderChanges(changes: readonly string[]): void {
  fill(
    "changes",
    changes.length ? el("h2", {}, "Ce qui a changé depuis votre envoi précédent") : null,
    changes.length ? el("ul", { class: "changes" }, ...changes.map((c) => el("li", {}, c))) : null,
  );
}
