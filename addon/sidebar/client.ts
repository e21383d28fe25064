// The sidebar's behaviour: runs each action step by step, shows the answers, stays usable with the keyboard.

import type {
  AttestationView,
  CampaignView,
  PanelAction,
  PanelState,
  PeerChoiceSent,
  PrepareOutcome,
  ReviewView,
  SubmitOutcome,
  Verification,
} from "../src/panel-types.ts";
import { renderAttestation, renderChanges, renderReview } from "./dialogue.ts";
import { byId } from "./dom.ts";
import { renderPeers } from "./peers.ts";
import {
  renderCampaign,
  renderCompleteness,
  renderFindings,
  renderIndicators,
  renderPositioning,
  renderState,
  showMessage,
} from "./render.ts";
import { call } from "./server.ts";
import { Steps } from "./steps.ts";

const ACTION_IDS: Record<PanelAction, string> = {
  prepare: "action-prepare",
  verify: "action-verify",
  submit: "action-submit",
};

let busy = false;
let state: PanelState = {
  configured: true,
  lastSubmission: null,
  attestation: null,
  explanations: {},
};

/** aria-disabled rather than disabled, so the focused button keeps the keyboard focus while work runs. */
function setBusy(value: boolean): void {
  busy = value;
  for (const id of Object.values(ACTION_IDS)) byId(id).setAttribute("aria-disabled", String(value));
}

/** Never awaited by an action: the deadline comes when the Union's service answers, and a failure shows nothing. */
async function refreshCampaign(): Promise<void> {
  const answer = await call<CampaignView | null>("panelCampaign");
  if (!answer.ok) return;
  renderCampaign(answer.value);
  renderPeers(answer.value?.peers, savePeers);
}

async function savePeers(choice: PeerChoiceSent | null): Promise<void> {
  const answer = await call<CampaignView | null>("runChoosePeers", choice);
  if (!answer.ok) return showMessage("error", answer.message);
  renderCampaign(answer.value);
  renderPeers(answer.value?.peers, savePeers);
  showMessage(
    "success",
    choice
      ? "Groupe de pairs enregistré : il figurera dans votre rapport à la clôture."
      : "Groupe de pairs retiré : le rapport vous comparera aux groupes habituels.",
  );
}

async function selectCell(cell: string): Promise<void> {
  const answer = await call<null>("selectCell", cell);
  if (!answer.ok) showMessage("error", answer.message);
}

/** Like the campaign: asked once the panel shows, and again after a send. */
async function refreshReview(): Promise<void> {
  const answer = await call<ReviewView | null>("panelReview");
  if (answer.ok) renderReview(answer.value, selectCell);
}

async function saveAttestation(name: string, role: string): Promise<void> {
  const answer = await call<AttestationView>("runSaveAttestation", name, role);
  if (!answer.ok) return showMessage("error", answer.message);
  state = { ...state, attestation: answer.value };
  renderAttestation(state.attestation, saveAttestation);
  showMessage(
    "success",
    "Attestation enregistrée dans le classeur : elle accompagnera chaque envoi.",
  );
}

const explaining = {
  get texts() {
    return state.explanations;
  },
  save(field: string, text: string) {
    void call<Record<string, string>>("runSaveExplanation", field, text).then((answer) => {
      if (!answer.ok) return showMessage("error", answer.message);
      state = { ...state, explanations: answer.value };
      showMessage(
        "success",
        "Explication enregistrée dans le classeur : elle partira avec le prochain envoi.",
      );
    });
  },
};

function showVerification(v: Verification): void {
  byId("structure").textContent = v.structure ?? "";
  renderCompleteness(v);
  renderIndicators(v.indicators);
  renderFindings(v.findings, selectCell, undefined, explaining);
}

async function verifyStep(steps: Steps, index: number): Promise<Verification | null> {
  steps.start(index);
  const answer = await call<Verification>("runVerify");
  if (!answer.ok) {
    steps.fail(index);
    showMessage("error", answer.message);
    return null;
  }
  steps.done(index);
  showVerification(answer.value);
  return answer.value;
}

function prepareSentence(outcome: PrepareOutcome): string {
  return outcome.created.length > 0
    ? `Onglets ajoutés : ${outcome.created.join(", ")}. Vos onglets d'origine n'ont pas été modifiés.`
    : "Le classeur était déjà préparé : aucun onglet n'a été ajouté.";
}

async function submitStep(steps: Steps): Promise<void> {
  steps.start(1);
  const answer = await call<SubmitOutcome>("runSubmit");
  if (!answer.ok) {
    steps.fail(1);
    return showMessage("error", answer.message);
  }
  const outcome = answer.value;
  if (!outcome.sent) {
    steps.fail(1);
    showMessage("error", outcome.message);
    if (outcome.findings.length > 0) {
      renderFindings(outcome.findings, selectCell, "Erreurs relevées par l'Union");
    }
    return;
  }
  steps.done(1);
  showMessage("success", outcome.message);
  state = { ...state, lastSubmission: outcome.submission };
  renderState(state);
  if (outcome.positioning) renderPositioning(outcome.positioning);
  renderChanges(outcome.changes);
  void refreshReview();
  if (outcome.warnings.length > 0) {
    renderFindings(outcome.warnings, selectCell, "Avertissements de l'Union", explaining);
  }
}

const ACTIONS: Record<PanelAction, () => Promise<void>> = {
  async verify() {
    const v = await verifyStep(new Steps(["Lecture et vérification du classeur"]), 0);
    if (v) {
      showMessage(
        v.refusal ? "info" : "success",
        v.refusal ?? "Le classeur est complet et sans erreur : il peut être envoyé à l'Union.",
      );
    }
  },
  async prepare() {
    const steps = new Steps(["Préparation des onglets validés", "Vérification du classeur"]);
    steps.start(0);
    const answer = await call<PrepareOutcome>("runPrepare");
    if (!answer.ok) {
      steps.fail(0);
      return showMessage("error", answer.message);
    }
    steps.done(0);
    void refreshCampaign();
    if (await verifyStep(steps, 1)) {
      showMessage("success", prepareSentence(answer.value), answer.value.previousYear);
    }
  },
  async submit() {
    const steps = new Steps(["Vérification du classeur", "Envoi à l'Union et positionnement"]);
    const v = await verifyStep(steps, 0);
    if (!v) return;
    if (v.refusal) {
      steps.fail(1);
      return showMessage("error", v.refusal);
    }
    await submitStep(steps);
  },
};

async function run(action: PanelAction): Promise<void> {
  if (busy) return;
  setBusy(true);
  showMessage("info", null);
  try {
    await ACTIONS[action]();
  } finally {
    setBusy(false);
  }
}

async function start(): Promise<void> {
  for (const [action, id] of Object.entries(ACTION_IDS) as [PanelAction, string][]) {
    byId(id).addEventListener("click", () => void run(action));
  }
  const answer = await call<PanelState>("panelState");
  if (answer.ok && answer.value.configured) {
    void refreshCampaign();
    void refreshReview();
  }
  if (answer.ok) {
    state = answer.value;
    renderState(state);
    renderAttestation(state.attestation, saveAttestation);
    if (!state.configured) {
      showMessage(
        "info",
        "L'envoi à l'Union n'est pas encore configuré dans ce module : vous pouvez préparer et vérifier le classeur, l'Union activera l'envoi.",
      );
    }
  }
  const initial = document.body.dataset.action as PanelAction | "";
  if (initial && initial in ACTION_IDS) await run(initial);
}

void start();
