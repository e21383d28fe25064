// The figures the bench reports (issue 8): key in results.json, French description, unit and goal.

export const FIGURE_KEYS = [
  "addon.validateReadsPerTab",
  "addon.prepareCalls",
  "addon.prepareCallsGrowth",
  "coldStart.ratio",
  "benchmark2800.computeMs",
  "benchmark2800.speedup",
  "benchmark2800.withPeersComputeMs",
  "campaignClose2800.reportsPerSecondPerCore",
  "report.averageMailBytes",
  "reportSummaryPages",
  "submit.p50Ms",
  "submit.p95Ms",
  "submit.coldFirstMs",
  "submit.coldFirstReads",
  "submit.coldFirstGrowth",
  "submit.deadlineHourProblems",
  "submit.deadlineHourP50Ms",
  "submit.deadlineHourP95Ms",
  "import.workbooksPerSecond",
  "campaign.costEuros2800",
  "campaign.firestoreReadsPerSubmission",
] as const;

export type FigureKey = (typeof FIGURE_KEYS)[number];

export type Unit = "count" | "ratio" | "ms" | "perSecond" | "euros";

export interface Goal {
  /** What is measured, in French. */
  label: string;
  unit: Unit;
  /** The figure passes when it is at most (≤) or at least (≥) the target; a figure with no target is informative. */
  op: "≤" | "≥" | null;
  target: number | null;
}

export const GOALS: Record<FigureKey, Goal> = {
  "addon.validateReadsPerTab": {
    label: "Lectures du service Spreadsheet par onglet lors de la vérification (harnais)",
    unit: "count",
    op: "≤",
    target: 1,
  },
  "addon.prepareCalls": {
    label: "Appels au service Spreadsheet pour préparer un classeur historique (harnais)",
    unit: "count",
    op: "≤",
    target: 60,
  },
  "addon.prepareCallsGrowth": {
    label: "Appels pour préparer un classeur 10 fois plus grand ÷ appels pour le classeur normal",
    unit: "ratio",
    op: "≤",
    target: 1,
  },
  "coldStart.ratio": {
    label:
      "Chargement à froid du module d'entrée des fonctions ÷ firebase-admin/firestore + firebase-functions/v2/https seuls (médianes, processus neufs)",
    unit: "ratio",
    op: "≤",
    target: 1.3,
  },
  "benchmark2800.computeMs": {
    label:
      "Statistiques et positionnements (avec N-1) de 2 800 retours en mémoire (médiane du temps processeur des passes)",
    unit: "ms",
    op: "≤",
    target: 20,
  },
  "benchmark2800.speedup": {
    label:
      "Les mêmes statistiques en formules de tableur (QUARTILE, AVERAGE, COUNTIF… dans HyperFormula) ÷ les nôtres",
    unit: "ratio",
    op: "≥",
    target: 20,
  },
  "benchmark2800.withPeersComputeMs": {
    label:
      "Benchmark final de la clôture pour 2 800 retours avec groupes de taille, 420 groupes de pairs choisis et trajectoires sur trois campagnes (médiane du temps processeur)",
    unit: "ms",
    op: "≤",
    target: 1000,
  },
  "campaignClose2800.reportsPerSecondPerCore": {
    label:
      "Rapports (HTML, graphiques PNG, PDF vectoriel) produits par seconde et par cœur à la clôture d'une campagne de 2 800 structures",
    unit: "perSecond",
    op: "≥",
    target: 20,
  },
  "report.averageMailBytes": {
    label:
      "Taille moyenne d'un courriel de rapport en octets (HTML, images des graphiques, PDF du rapport et de la synthèse d'une page joints, avant l'encodage base64 de l'envoi)",
    unit: "count",
    op: "≤",
    target: 150_000,
  },
  reportSummaryPages: {
    label:
      "Pages de la synthèse d'une page pour le conseil d'administration, au plus, sur les 2 800 structures",
    unit: "count",
    op: "≤",
    target: 1,
  },
  "submit.p50Ms": {
    label: "Latence médiane de submitReturn sur la pile locale, 2 800 retours déjà enregistrés",
    unit: "ms",
    op: null,
    target: null,
  },
  "submit.p95Ms": {
    label: "Latence p95 de submitReturn sur la pile locale, 2 800 retours déjà enregistrés",
    unit: "ms",
    op: "≤",
    target: 500,
  },
  "submit.coldFirstMs": {
    label:
      "Première soumission reçue par une instance neuve (cache de population vide), 2 800 retours N et N-1 enregistrés, sur la pile locale",
    unit: "ms",
    op: "≤",
    target: 1000,
  },
  "submit.coldFirstReads": {
    label: "Lectures de documents Firestore de cette première soumission",
    unit: "count",
    op: "≤",
    target: 20,
  },
  "submit.coldFirstGrowth": {
    label: "Première soumission avec 28 000 retours N et N-1 enregistrés ÷ avec 2 800",
    unit: "ratio",
    op: "≤",
    target: 2,
  },
  "submit.deadlineHourProblems": {
    label:
      "Dernière heure avant la date limite, 2 800 structures, 16 requêtes à la fois : requêtes ou révisions perdues, réponses incohérentes",
    unit: "count",
    op: "≤",
    target: 0,
  },
  "submit.deadlineHourP50Ms": {
    label: "Latence médiane de submitReturn pendant cette dernière heure",
    unit: "ms",
    op: null,
    target: null,
  },
  "submit.deadlineHourP95Ms": {
    label:
      "Latence p95 de submitReturn pendant cette dernière heure (16 requêtes simultanées sur 2 cœurs)",
    unit: "ms",
    op: null,
    target: null,
  },
  "import.workbooksPerSecond": {
    label: "Classeurs historiques importés par seconde (lecture .xlsx et import réels)",
    unit: "perSecond",
    op: "≥",
    target: 5,
  },
  "campaign.costEuros2800": {
    label:
      "Coût d'une campagne entière pour 2 800 structures (deux envois chacune, relances, tableau de l'Union, clôture, rapports, courriels), aux prix publics Firebase / Cloud Run / Firestore d'europe-west9",
    unit: "euros",
    op: null,
    target: null,
  },
  "campaign.firestoreReadsPerSubmission": {
    label: "Lectures de documents Firestore par soumission, populations en cache",
    unit: "count",
    op: null,
    target: null,
  },
};
