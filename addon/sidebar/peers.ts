// The custom peer set form: criteria (territory, size bands) or, in a transparent campaign, named structures.
import type { PeerChoiceSent, PeersView } from "../src/panel-types.ts";
import { el, fill } from "./dom.ts";

function choiceSelect(
  id: string,
  any: string,
  options: readonly string[],
  values: readonly string[],
  current: string,
): HTMLSelectElement {
  const select = el(
    "select",
    { id },
    el("option", { value: "" }, any),
    ...options.map((label, i) => el("option", { value: values[i] ?? "" }, label)),
  );
  select.value = current;
  return select;
}

const indexes = (list: readonly string[]) => list.map((_, i) => String(i));

/** The form's choice: named structures when some are typed, else the criteria chosen. */
function readChoice(
  territory: HTMLSelectElement,
  charges: HTMLSelectElement,
  fte: HTMLSelectElement,
  codes: HTMLTextAreaElement | null,
): PeerChoiceSent {
  const named = (codes?.value ?? "").split(/[\s,;]+/).filter((c) => c !== "");
  if (named.length) return { codes: named };
  return {
    ...(territory.value ? { territory: territory.value } : {}),
    ...(charges.value ? { chargesBand: Number(charges.value) } : {}),
    ...(fte.value ? { fteBand: Number(fte.value) } : {}),
  };
}

export function renderPeers(
  view: PeersView | null | undefined,
  save: (choice: PeerChoiceSent | null) => void,
): void {
  if (!view) {
    fill("peers", null);
    return;
  }
  const now = view.description
    ? `Groupe en vigueur : ${view.description}${view.chosenFor !== null ? ` (choisi pour la campagne ${view.chosenFor})` : ""}.`
    : "Aucun groupe choisi : le rapport vous compare au réseau, à votre type de territoire et aux structures de votre taille.";
  if (!view.open) {
    fill("peers", el("h2", {}, "Groupe de pairs"), el("p", { class: "hint" }, now));
    return;
  }
  const territory = choiceSelect(
    "peers-territory",
    "Tous les territoires",
    view.territories,
    view.territories,
    view.territory ?? "",
  );
  const charges = choiceSelect(
    "peers-charges",
    "Toutes les tailles de charges",
    view.bands.charges,
    indexes(view.bands.charges),
    view.chargesBand === null ? "" : String(view.chargesBand),
  );
  const fte = choiceSelect(
    "peers-fte",
    "Tous les effectifs",
    view.bands.fte,
    indexes(view.bands.fte),
    view.fteBand === null ? "" : String(view.fteBand),
  );
  const codes = view.transparent
    ? el("textarea", { id: "peers-codes", rows: "2", class: "explanation" })
    : null;
  if (codes) codes.value = view.codes.join(", ");
  const button = el("button", { type: "button", id: "peers-save" }, "Choisir ce groupe de pairs");
  button.addEventListener("click", () => save(readChoice(territory, charges, fte, codes)));
  const drop = view.description
    ? el("button", { type: "button", id: "peers-drop" }, "Ne plus utiliser de groupe choisi")
    : null;
  drop?.addEventListener("click", () => save(null));
  fill(
    "peers",
    el("h2", {}, "Groupe de pairs"),
    el("p", { class: "hint" }, now),
    el(
      "p",
      { class: "hint" },
      "Choisissez, avant la clôture, les structures auxquelles vous comparer : au moins cinq. Le choix vaut aussi pour les campagnes suivantes tant que vous ne le changez pas.",
    ),
    el("label", { for: "peers-territory" }, "Type de territoire"),
    territory,
    el("label", { for: "peers-charges" }, "Total des charges"),
    charges,
    el("label", { for: "peers-fte" }, "Effectif en ETP"),
    fte,
    codes
      ? el(
          "label",
          { for: "peers-codes" },
          "Ou des structures nommées (codes séparés par des virgules)",
        )
      : null,
    codes,
    button,
    drop,
  );
}
