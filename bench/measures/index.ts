// Every measurement of `npm run bench`, in the order the table shows them.
import type { Measure } from "../measure.ts";

export const MEASURES: readonly Measure[] = [
  {
    title: "Appels du module complémentaire au service Spreadsheet",
    keys: ["addon.validateReadsPerTab", "addon.prepareCalls", "addon.prepareCallsGrowth"],
    load: () => import("./addon-calls.ts"),
  },
  {
    title: "Démarrage à froid des fonctions",
    keys: ["coldStart.ratio"],
    load: () => import("./cold-start.ts"),
  },
  {
    title: "Benchmark de 2 800 retours en mémoire",
    keys: ["benchmark2800.computeMs"],
    load: () => import("./benchmark-compute.ts"),
  },
  {
    title: "Benchmark de 2 800 retours : nos statistiques contre des formules de tableur",
    keys: ["benchmark2800.speedup"],
    load: () => import("./benchmark-formulas.ts"),
  },
  {
    title:
      "Benchmark final de 2 800 retours avec groupes de taille, groupes de pairs choisis et trajectoires",
    keys: ["benchmark2800.withPeersComputeMs"],
    load: () => import("./benchmark-peers.ts"),
  },
  {
    title: "Clôture d'une campagne de 2 800 structures : rapports",
    keys: ["campaignClose2800.reportsPerSecondPerCore", "report.averageMailBytes"],
    load: () => import("./campaign-close.ts"),
  },
  {
    title: "Synthèse d'une page pour le conseil d'administration, 2 800 structures",
    keys: ["reportSummaryPages"],
    load: () => import("./report-summary.ts"),
  },
  {
    title: "Latence de submitReturn avec 2 800 retours enregistrés",
    keys: ["submit.p50Ms", "submit.p95Ms"],
    load: () => import("./submit-latency.ts"),
  },
  {
    title:
      "Première soumission reçue par une instance neuve, 2 800 et 28 000 structures enregistrées",
    keys: ["submit.coldFirstMs", "submit.coldFirstReads", "submit.coldFirstGrowth"],
    load: () => import("./submit-cold.ts"),
  },
  {
    title: "Dernière heure avant la date limite : 2 800 structures sur la pile locale",
    keys: ["submit.deadlineHourProblems", "submit.deadlineHourP50Ms", "submit.deadlineHourP95Ms"],
    load: () => import("./deadline-hour.ts"),
  },
  {
    title: "Import de classeurs historiques",
    keys: ["import.workbooksPerSecond"],
    load: () => import("./import-rate.ts"),
  },
  {
    title: "Coût d'une campagne entière, observée sur 280 structures",
    keys: ["campaign.costEuros2800", "campaign.firestoreReadsPerSubmission"],
    load: () => import("./campaign-cost.ts"),
  },
];
