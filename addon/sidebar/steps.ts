// The steps of the running action: which one is under way, which are done, with a progress bar and a spoken status.
import { byId, el } from "./dom.ts";

type StepState = "pending" | "running" | "done" | "failed";

const STATE_TEXT: Record<StepState, string> = {
  pending: "à venir",
  running: "en cours…",
  done: "terminé",
  failed: "interrompu",
};

export class Steps {
  private readonly states: StepState[];

  constructor(private readonly labels: readonly string[]) {
    this.states = labels.map(() => "pending");
    this.render();
  }

  start(index: number): void {
    this.states[index] = "running";
    this.render();
  }

  done(index: number): void {
    this.states[index] = "done";
    this.render();
  }

  fail(index: number): void {
    this.states[index] = "failed";
    this.render();
  }

  private render(): void {
    const finished = this.states.filter((s) => s === "done").length;
    const current = this.states.indexOf("running");
    const status =
      current >= 0
        ? `Étape ${current + 1} sur ${this.labels.length} : ${this.labels[current]}…`
        : this.states.includes("failed")
          ? "Opération interrompue."
          : "Opération terminée.";
    const section = byId("progress");
    section.hidden = false;
    section.setAttribute("aria-busy", String(current >= 0));
    section.replaceChildren(
      el("p", { class: "progress-status" }, status),
      el("progress", {
        max: String(this.labels.length),
        value: String(finished),
        "aria-label": `${finished} étape(s) terminée(s) sur ${this.labels.length}`,
      }),
      el(
        "ol",
        { class: "steps" },
        ...this.labels.map((label, i) => {
          const state = this.states[i] as StepState;
          return el(
            "li",
            {
              class: `step step-${state}`,
              ...(state === "running" ? { "aria-current": "step" } : {}),
            },
            el("span", { class: "step-label" }, label),
            el("span", { class: "step-state" }, ` — ${STATE_TEXT[state]}`),
          );
        }),
      ),
    );
  }
}
