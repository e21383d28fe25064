// The return's tabs and fields as docs/domain.md and docs/schema.md describe them: the single source of the schema.
import type { FieldSpec, SectionSpec } from "./types.ts";

const STRUCTURE_CODE = /^[A-Z0-9][A-Z0-9-]{2,39}$/;

/** The exercices the Baromètre knows, wherever a year is read: a return, a campaign, a request, a command. */
export const FIRST_YEAR = 2010;
export const LAST_YEAR = 2100;

export const TERRITORIES = ["Urbain QPV", "Urbain hors QPV", "Rural"] as const;
export type Territory = (typeof TERRITORIES)[number];

export const CERTIFICATION_STATUSES = ["Non engagée", "En cours", "Certifiée"] as const;

/** The three statutory meetings of the governance grid. */
export const MEETINGS = [
  {
    id: "caValidation",
    label: "CA de validation des comptes",
    of: "du CA de validation des comptes",
    at: "au CA de validation des comptes",
    synonyms: [
      "CA validation",
      "CA de validation",
      "Conseil d'administration de validation des comptes",
    ],
  },
  {
    id: "agCloture",
    label: "AG de clôture des comptes",
    of: "de l'AG de clôture des comptes",
    at: "à l'AG de clôture des comptes",
    synonyms: [
      "AG",
      "AG de clôture",
      "Assemblée générale",
      "Assemblée générale de clôture des comptes",
    ],
  },
  {
    id: "caOrientation",
    label: "CA d'orientation",
    of: "du CA d'orientation",
    at: "au CA d'orientation",
    synonyms: ["CA orientation", "Conseil d'administration d'orientation"],
  },
] as const;
export type MeetingId = (typeof MEETINGS)[number]["id"];

/** The officers whose presence is recorded for each meeting, in the canonical column order. */
export const OFFICERS = [
  { id: "president", label: "Président", synonyms: ["Présidente", "Président(e)"] },
  { id: "treasurer", label: "Trésorier", synonyms: ["Trésorière", "Trésorier(e)"] },
  { id: "secretary", label: "Secrétaire", synonyms: ["Secrétaire général", "Secrétaire générale"] },
] as const;
export type OfficerId = (typeof OFFICERS)[number]["id"];

type Extra = Omit<Partial<FieldSpec>, "id" | "label" | "type" | "help">;
const field =
  <T extends "int" | "dec" | "eur">(type: T) =>
  <I extends string>(id: I, label: string, help: string, extra: Extra = {}) =>
    ({ id, label, type, help, ...(type === "eur" ? { unit: "€" } : {}), ...extra }) as const;
const eur = field("eur");
const int = field("int");
const dec = field("dec");

const governanceFields: FieldSpec[] = MEETINGS.flatMap((meeting) => [
  {
    id: `${meeting.id}.date`,
    label: `Date ${meeting.of}`,
    type: "date" as const,
    help: `Jour où s'est tenue l'instance (${meeting.label}) ; laisser vide si elle n'a pas eu lieu.`,
  },
  ...OFFICERS.map((officer) => ({
    id: `${meeting.id}.${officer.id}`,
    label: `${officer.label} présent ${meeting.at}`,
    type: "bool" as const,
    emptyMeansNo: true,
    help: `Oui si le ${officer.label.toLowerCase()} de l'association était présent ${meeting.at}.`,
  })),
]);

export const SECTIONS = [
  {
    id: "identification",
    tab: "Identification",
    tabAliases: ["Identification", "Onglet identification", "Identité"],
    fields: [
      {
        id: "structureCode",
        label: "Code structure",
        type: "text",
        required: true,
        upperCase: true,
        pattern: STRUCTURE_CODE,
        patternHint: "3 à 40 lettres majuscules, chiffres ou tirets, par exemple PIMMS-RENNES",
        help: "Code unique de la structure attribué par l'Union, par exemple PIMMS-RENNES.",
        synonyms: ["Code de la structure", "Code PIMMS"],
      },
      {
        id: "structureName",
        label: "Nom du PIMMS",
        type: "text",
        required: true,
        help: "Nom usuel du PIMMS tel qu'il apparaît dans le réseau.",
        synonyms: ["Nom de la structure", "Nom du PIMMS Médiation"],
      },
      {
        id: "association",
        label: "Association gestionnaire",
        type: "text",
        help: "Nom de l'association qui gère le PIMMS.",
      },
      int("year", "Exercice", "Année civile des données déclarées, par exemple 2018.", {
        required: true,
        min: FIRST_YEAR,
        max: LAST_YEAR,
        synonyms: ["Année", "Exercice comptable"],
      }),
      int(
        "sites",
        "Nombre de sites",
        "Nombre de lieux d'accueil ouverts au public par la structure.",
        {
          required: true,
          min: 1,
          unit: "sites",
        },
      ),
      {
        id: "territory",
        label: "Type de territoire",
        type: "enum",
        required: true,
        options: TERRITORIES,
        help: "Urbain QPV si la structure est dans ou près d'un quartier prioritaire, sinon Urbain hors QPV ou Rural.",
        synonyms: ["Territoire"],
      },
      int(
        "openingDays",
        "Jours d'ouverture au public",
        "Nombre de jours où l'accueil a été ouvert au public pendant l'exercice.",
        { required: true, min: 1, max: 366, unit: "jours", synonyms: ["Jours d'ouverture"] },
      ),
      {
        id: "directorEmail",
        label: "Courriel de la direction",
        type: "email",
        required: true,
        help: "Adresse électronique de la direction, qui recevra le rapport de positionnement.",
        synonyms: ["Email de la direction", "Mail de la direction", "Courriel du directeur"],
      },
      {
        id: "treasurerEmail",
        label: "Courriel du trésorier",
        type: "email",
        help: "Adresse électronique du trésorier ou de la trésorière, facultative.",
        synonyms: ["Email du trésorier", "Mail du trésorier", "Courriel de la trésorière"],
      },
    ],
  },
  {
    id: "governance",
    tab: "Gouvernance",
    tabAliases: [
      "Gouvernance",
      "Onglet gouvernance",
      "Onglet onglet gouvernance",
      "Vie associative",
    ],
    fields: governanceFields,
  },
  {
    id: "finance",
    tab: "Données financières",
    tabAliases: [
      "Données financières",
      "Donnees financieres",
      "Finances",
      "Onglet données financières",
      "Onglet finances",
    ],
    fields: [
      eur(
        "revenueTotal",
        "Total des produits",
        "Total des produits du compte de résultat de l'exercice.",
        {
          required: true,
          synonyms: ["Total produits", "Produits totaux"],
        },
      ),
      eur(
        "revenuePartners",
        "dont recettes des entreprises partenaires",
        "Part des produits versée par les entreprises partenaires du PIMMS.",
      ),
      eur(
        "revenuePublic",
        "dont recettes publiques (État, collectivités)",
        "Part des produits provenant de l'État et des collectivités (subventions, conventions).",
        { synonyms: ["dont recettes publiques"] },
      ),
      eur(
        "revenueOther",
        "dont autres produits",
        "Part des produits qui ne vient ni des partenaires ni du public.",
      ),
      eur(
        "chargesTotal",
        "Total des charges",
        "Total des charges du compte de résultat ; il doit être supérieur à 0.",
        {
          required: true,
          min: 0,
          exclusiveMin: true,
          synonyms: ["Total charges", "Charges totales"],
        },
      ),
      eur(
        "chargesPersonnel",
        "dont charges de personnel",
        "Salaires, charges sociales et autres frais de personnel.",
      ),
      eur(
        "chargesOperating",
        "dont charges de fonctionnement",
        "Loyers, fournitures, énergie et autres frais de fonctionnement.",
      ),
      eur(
        "chargesExternal",
        "dont prestataires extérieurs",
        "Sommes versées aux prestataires et sous-traitants extérieurs.",
      ),
      eur(
        "chargesOther",
        "dont autres charges",
        "Charges qui n'entrent dans aucune des catégories précédentes.",
      ),
      eur(
        "netResult",
        "Résultat net comptable",
        "Résultat de l'exercice (produits moins charges) ; il peut être négatif.",
        {
          signed: true,
          synonyms: ["Résultat net", "Résultat de l'exercice"],
        },
      ),
      eur(
        "associationFunds",
        "Fonds associatifs au 31/12",
        "Fonds associatifs inscrits au bilan au 31 décembre ; ils peuvent être négatifs.",
        {
          required: true,
          signed: true,
          synonyms: ["Fonds associatifs", "Fonds propres associatifs"],
        },
      ),
      eur(
        "trainingCosts",
        "Frais de formation",
        "Dépenses de formation des salariés engagées pendant l'exercice.",
        {
          required: true,
          synonyms: ["Dépenses de formation"],
        },
      ),
      eur(
        "grossPayroll",
        "Masse salariale brute",
        "Total des salaires bruts versés pendant l'exercice.",
        {
          required: true,
          synonyms: ["Salaires bruts"],
        },
      ),
    ],
  },
  {
    id: "social",
    tab: "Données sociales",
    tabAliases: [
      "Données sociales",
      "Donnees sociales",
      "Social",
      "Onglet données sociales",
      "Onglet social",
    ],
    fields: [
      int(
        "staffTotal",
        "Nombre de salariés au 31/12",
        "Nombre de salariés présents au 31 décembre, tous contrats confondus.",
        {
          required: true,
          unit: "salariés",
          synonyms: ["Effectif au 31/12", "Nombre de salariés", "Effectif"],
        },
      ),
      int(
        "mediators",
        "dont médiateurs",
        "Parmi les salariés au 31 décembre, nombre de médiateurs.",
        { unit: "salariés" },
      ),
      int("womenStaff", "dont femmes", "Parmi les salariés au 31 décembre, nombre de femmes.", {
        unit: "salariés",
      }),
      dec(
        "fteTotal",
        "ETP total",
        "Effectif en équivalents temps plein sur l'exercice, tous postes confondus.",
        {
          required: true,
          unit: "ETP",
          synonyms: ["ETP totaux", "Total ETP"],
        },
      ),
      dec("fteMediators", "ETP médiateurs", "Équivalents temps plein des médiateurs.", {
        unit: "ETP",
      }),
      dec(
        "fteFrontDesk",
        "ETP médiation postée",
        "Équivalents temps plein de médiation à l'accueil du public ; ils doivent être supérieurs à 0.",
        {
          required: true,
          min: 0,
          exclusiveMin: true,
          unit: "ETP",
          synonyms: ["ETP médiateurs postés"],
        },
      ),
      int(
        "mediatorsCdi",
        "Médiateurs en CDI",
        "Nombre de médiateurs en contrat à durée indéterminée au 31 décembre.",
        {
          unit: "salariés",
        },
      ),
      int(
        "mediatorsCdd",
        "Médiateurs en CDD (dont contrats aidés)",
        "Nombre de médiateurs en contrat à durée déterminée, contrats aidés compris, au 31 décembre.",
        { unit: "salariés", synonyms: ["Médiateurs en CDD"] },
      ),
      int(
        "mediatorsFullTime",
        "Médiateurs à temps plein",
        "Nombre de médiateurs travaillant à temps plein au 31 décembre.",
        {
          unit: "salariés",
        },
      ),
      dec(
        "trainingHours",
        "Heures de formation des médiateurs",
        "Heures de formation suivies par les médiateurs pendant l'exercice.",
        {
          unit: "heures",
        },
      ),
      dec(
        "workedHours",
        "Heures travaillées des médiateurs",
        "Heures travaillées par les médiateurs pendant l'exercice.",
        {
          unit: "heures",
        },
      ),
      int(
        "exitsDurableJob",
        "Sorties vers un emploi durable (CDI, CDD de 6 mois et plus)",
        "Médiateurs partis pendant l'exercice vers un CDI ou un CDD de 6 mois et plus.",
        { unit: "sorties", synonyms: ["Emploi durable"] },
      ),
      int(
        "exitsTransitionJob",
        "Sorties vers un emploi de transition (CDD de moins de 6 mois, intérim)",
        "Médiateurs partis vers un CDD de moins de 6 mois ou une mission d'intérim.",
        { unit: "sorties", synonyms: ["Emploi de transition"] },
      ),
      int(
        "exitsTraining",
        "Sorties vers une formation qualifiante",
        "Médiateurs partis pour suivre une formation qualifiante.",
        { unit: "sorties", synonyms: ["Formation qualifiante"] },
      ),
      int(
        "exitsBusiness",
        "Sorties vers une création d'entreprise",
        "Médiateurs partis pour créer ou reprendre une entreprise.",
        { unit: "sorties", synonyms: ["Création d'entreprise"] },
      ),
      int(
        "exitsJobSeeking",
        "Sorties en recherche d'emploi",
        "Médiateurs partis sans emploi ni formation, en recherche d'emploi.",
        { unit: "sorties", synonyms: ["Recherche d'emploi"] },
      ),
      int(
        "exitsOther",
        "Autres sorties (inactivité, déménagement, inconnu)",
        "Médiateurs partis pour une autre raison : inactivité, déménagement ou destination inconnue.",
        { unit: "sorties", synonyms: ["Autre", "Autres", "Autres sorties"] },
      ),
    ],
  },
  {
    id: "activity",
    tab: "Activité",
    tabAliases: [
      "Activité",
      "Activite",
      "Activité KeepPlace",
      "Activite KeepPlace",
      "Onglet activité",
    ],
    fields: [
      int(
        "visitors",
        "Personnes accueillies",
        "Nombre de personnes accueillies sur l'exercice, selon KeepPlace.",
        {
          required: true,
          unit: "personnes",
          synonyms: ["Fréquentation annuelle", "Nombre de personnes accueillies"],
        },
      ),
      int(
        "reasonsTotal",
        "Motifs traités",
        "Nombre total de motifs (demandes) traités sur l'exercice, selon KeepPlace.",
        {
          required: true,
          unit: "motifs",
          synonyms: ["Nombre de motifs", "Nombre de motifs traités"],
        },
      ),
      int(
        "reasonsPartners",
        "dont motifs partenaires",
        "Motifs concernant les entreprises et services partenaires du PIMMS.",
        {
          required: true,
          unit: "motifs",
        },
      ),
      int(
        "reasonsNonPartners",
        "dont motifs non partenaires",
        "Motifs concernant des organismes qui ne sont pas partenaires.",
        {
          required: true,
          unit: "motifs",
        },
      ),
      int(
        "reasonsDigital",
        "dont motifs espace numérique",
        "Motifs traités à l'espace numérique (accompagnement aux démarches en ligne).",
        {
          required: true,
          unit: "motifs",
        },
      ),
      int(
        "reasonsInfo",
        "dont information / conseil",
        "Motifs traités par une information ou un conseil.",
        { unit: "motifs" },
      ),
      int("reasonsMediation", "dont médiation", "Motifs ayant donné lieu à une médiation.", {
        unit: "motifs",
      }),
      int(
        "reasonsLocalServices",
        "dont services de proximité",
        "Motifs relevant des services de proximité.",
        { unit: "motifs" },
      ),
      int(
        "workshops",
        "Ateliers collectifs",
        "Nombre d'ateliers collectifs organisés pendant l'exercice.",
        { unit: "ateliers" },
      ),
      int(
        "workshopParticipants",
        "Participants aux ateliers",
        "Nombre total de participants aux ateliers collectifs.",
        {
          unit: "personnes",
        },
      ),
      int(
        "outreachContacts",
        "Contacts initiés",
        "Nombre de contacts pris à l'initiative des médiateurs (aller-vers).",
        {
          unit: "contacts",
        },
      ),
      int(
        "prevReasonsPartners",
        "Motifs partenaires N-1",
        "Motifs partenaires de l'exercice précédent, repris du retour N-1 s'il existe.",
        {
          unit: "motifs",
        },
      ),
      int(
        "prevReasonsNonPartners",
        "Motifs non partenaires N-1",
        "Motifs non partenaires de l'exercice précédent, repris du retour N-1 s'il existe.",
        { unit: "motifs" },
      ),
      int(
        "prevReasonsDigital",
        "Motifs espace numérique N-1",
        "Motifs espace numérique de l'exercice précédent, repris du retour N-1 s'il existe.",
        { unit: "motifs" },
      ),
    ],
  },
  {
    id: "network",
    tab: "Réseau et communication",
    tabAliases: [
      "Réseau et communication",
      "Reseau et communication",
      "Réseau",
      "Reseau",
      "Communication",
    ],
    fields: [
      {
        id: "certificationInPlan",
        label: "Volet certification réseau intégré au plan d'action stratégique",
        type: "bool",
        required: true,
        help: "Oui si le plan d'action stratégique de l'association comporte un volet sur la certification réseau.",
        synonyms: [
          "Certification intégrée au plan d'action stratégique",
          "Certification dans le plan stratégique",
        ],
      },
      {
        id: "certificationStatus",
        label: "État de la démarche de certification",
        type: "enum",
        options: CERTIFICATION_STATUSES,
        help: "Où en est la démarche de certification réseau : Non engagée, En cours ou Certifiée.",
        synonyms: ["Démarche de certification", "Certification"],
      },
      int(
        "eventParticipants",
        "Participants aux événements PIMMS",
        "Nombre de participants de la structure aux événements du réseau PIMMS pendant l'exercice.",
        {
          required: true,
          unit: "participants",
          synonyms: ["Participants événements", "Participants aux événements"],
        },
      ),
    ],
  },
] as const satisfies readonly SectionSpec[];
