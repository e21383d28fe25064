// A deterministic generated network of returns (current exercice and N-1) with the network's orders of magnitude (docs/domain.md).
import type { PimmsReturn } from "../schema/index.ts";
import type { Territory } from "../schema/sections.ts";
import { type Place, ruralPlaces, urbanPlaces } from "./places.ts";
import { createRandom, type Random } from "./random.ts";

export const DEMO_SIZE = 35;
export const DEMO_SEED = 2018;
export const DEMO_YEAR = 2018;

export interface DemoNetworkOptions {
  /** Number of structures (35 by default: 32 urban, 3 rural). */
  size?: number;
  seed?: number;
  /** The current exercice; N-1 returns are for the year before. */
  year?: number;
}

export interface DemoStructure {
  code: string;
  name: string;
  territory: Territory;
  current: PimmsReturn;
  /** The structure's return for N-1, null for a structure that joined this year. */
  previous: PimmsReturn | null;
  /**
   * Its return for N-2, null for one that joined since; a newcomer of this year sometimes filed one and
   * skipped N-1, so trajectories have gaps.
   */
  earlier: PimmsReturn | null;
}

export interface DemoNetwork {
  year: number;
  seed: number;
  structures: DemoStructure[];
}

/** What makes a structure fragile: each one puts one indicator in the red band. */
type Fragility = "funds" | "training" | "exits" | "governance" | "certification";
const FRAGILITIES: readonly Fragility[] = [
  "funds",
  "training",
  "exits",
  "governance",
  "certification",
];

interface Profile {
  place: Place;
  territory: Territory;
  sites: number;
  /** Size relative to the 2018 network's average structure (12.9 employees, 18,700 visitors). */
  scale: number;
  openingDays: number;
  fragile: ReadonlySet<Fragility>;
  noExits: boolean;
}

/** True for about k of n indices, evenly spread (i is picked when ⌊(i+1)k/n⌋ steps up). */
const evenly = (i: number, n: number, k: number): boolean =>
  Math.floor(((i + 1) * k) / n) > Math.floor((i * k) / n);

const cents = (x: number): number => Math.round(x * 100) / 100;
const pad = (n: number): string => String(n).padStart(2, "0");

/** Splits a whole number into parts drawn with the given weights. */
function split(rng: Random, total: number, weights: readonly number[]): number[] {
  const parts = weights.map(() => 0);
  const sum = weights.reduce((a, b) => a + b, 0);
  for (let k = 0; k < total; k++) {
    let x = rng.next() * sum;
    let i = 0;
    while (i < weights.length - 1 && x >= (weights[i] as number)) x -= weights[i++] as number;
    parts[i] = (parts[i] as number) + 1;
  }
  return parts;
}

function profiles(rng: Random, size: number): Profile[] {
  const ruralCount = Math.round((size * 3) / 35);
  const isRural = Array.from({ length: size }, (_, i) => evenly(i, size, ruralCount));
  const urban = urbanPlaces(size - ruralCount);
  const rural = ruralPlaces(ruralCount);
  const outsideQpv = Math.round(((size - ruralCount) * 6) / 32);
  let u = 0;
  let r = 0;
  return isRural.map((ruralHere, i): Profile => {
    const territory: Territory = ruralHere
      ? "Rural"
      : evenly(u, size - ruralCount, outsideQpv)
        ? "Urbain hors QPV"
        : "Urbain QPV";
    const place = (ruralHere ? rural[r++] : urban[u++]) as Place;
    const sites = rng.pick([1, 1, 1, 1, 2, 2, 2, 2, 3, 4]);
    const fragile = new Set<Fragility>();
    // One structure in eight is fragile, in turn on each kind (the first on its funds), sometimes on two.
    if (i % 8 === 3) {
      fragile.add(FRAGILITIES[Math.floor(i / 8) % FRAGILITIES.length] as Fragility);
      if (rng.chance(0.4)) fragile.add(rng.pick(FRAGILITIES));
    }
    return {
      place,
      territory,
      sites,
      scale: (sites / 1.9) * rng.spread(0.3),
      openingDays: rng.int(225, 252),
      fragile,
      noExits: i % 17 === 9,
    };
  });
}

function governance(rng: Random, p: Profile, year: number): PimmsReturn["governance"] {
  const meeting = (month: number, held: boolean) => ({
    date: held ? `${year + 1}-${pad(month)}-${pad(rng.int(3, 28))}` : null,
    president: held,
    treasurer: held,
    secretary: held,
  });
  const skipped = p.fragile.has("governance") ? rng.int(0, 2) : -1;
  const g = {
    caValidation: meeting(4, skipped !== 0),
    agCloture: meeting(6, skipped !== 1),
    caOrientation: meeting(10, skipped !== 2),
  };
  // Absences among the meetings held: at most 3 (orange at worst), or enough to reach red when fragile.
  const absences = p.fragile.has("governance") ? rng.int(1, 2) : rng.pick([0, 0, 0, 1, 1, 2, 3]);
  const seats = Object.values(g)
    .filter((m) => m.date !== null)
    .flatMap((m) => (["president", "treasurer", "secretary"] as const).map((o) => ({ m, o })));
  for (let k = 0; k < absences && seats.length > 0; k++) {
    const [seat] = seats.splice(rng.int(0, seats.length - 1), 1);
    if (seat) seat.m[seat.o] = false;
  }
  return g;
}

function finance(rng: Random, p: Profile, staff: number): PimmsReturn["finance"] {
  const chargesTotal = cents(staff * rng.between(27_000, 36_000));
  const chargesPersonnel = cents(chargesTotal * rng.between(0.79, 0.86));
  const chargesOperating = cents(chargesTotal * rng.between(0.05, 0.08));
  const chargesExternal = cents(chargesTotal * rng.between(0.02, 0.04));
  const revenueTotal = cents(chargesTotal * rng.between(0.96, 1.07));
  const revenuePartners = cents(revenueTotal * rng.between(0.45, 0.57));
  const revenuePublic = cents(revenueTotal * rng.between(0.3, 0.42));
  const grossPayroll = cents(chargesPersonnel * rng.between(0.66, 0.74));
  // Funds over a quarter of charges: red at or below 0.5, otherwise between 0.6 and 3.2.
  const funds = p.fragile.has("funds") ? rng.between(-0.03, 0.12) : rng.between(0.15, 0.8);
  const training = p.fragile.has("training")
    ? rng.between(0.001, 0.009)
    : rng.between(0.011, 0.035);
  return {
    revenueTotal,
    revenuePartners,
    revenuePublic,
    revenueOther: cents(revenueTotal - revenuePartners - revenuePublic),
    chargesTotal,
    chargesPersonnel,
    chargesOperating,
    chargesExternal,
    chargesOther: cents(chargesTotal - chargesPersonnel - chargesOperating - chargesExternal),
    netResult: cents(revenueTotal - chargesTotal),
    associationFunds: cents(chargesTotal * funds),
    trainingCosts: cents(grossPayroll * training),
    grossPayroll,
  };
}

function social(rng: Random, p: Profile, staffTotal: number): PimmsReturn["social"] {
  const mediators = Math.max(1, Math.round(staffTotal * rng.between(0.82, 0.95)));
  const fteTotal = cents(staffTotal * rng.between(0.72, 0.86));
  const fteMediators = cents(Math.min(fteTotal, mediators * rng.between(0.75, 0.9)));
  const mediatorsCdi = Math.round(mediators * rng.between(0.05, 0.2));
  const workedHours = Math.round(fteMediators * 1607);
  const exits = p.noExits ? 0 : Math.max(1, Math.round(5.7 * p.scale * rng.spread(0.35)));
  // At least 40 % positive exits (orange at worst) unless fragile, where it stays below.
  const threshold = Math.ceil(0.4 * exits);
  const drawn = Math.round(exits * rng.between(0.1, 0.95));
  const positive = p.fragile.has("exits")
    ? Math.min(threshold - 1, drawn)
    : Math.max(threshold, drawn);
  const [durable, transition, training, business] = split(
    rng,
    Math.max(0, positive),
    [0.35, 0.35, 0.2, 0.1],
  );
  const [seeking, other] = split(rng, exits - Math.max(0, positive), [0.6, 0.4]);
  return {
    staffTotal,
    mediators,
    womenStaff: Math.round(staffTotal * rng.between(0.45, 0.75)),
    fteTotal,
    fteMediators,
    fteFrontDesk: cents(Math.max(0.5, Math.min(fteTotal, fteMediators * rng.between(0.85, 0.98)))),
    mediatorsCdi,
    mediatorsCdd: mediators - mediatorsCdi,
    mediatorsFullTime: Math.round(mediators * rng.between(0.65, 0.85)),
    trainingHours: Math.round(workedHours * rng.between(0.08, 0.18)),
    workedHours,
    exitsDurableJob: durable ?? 0,
    exitsTransitionJob: transition ?? 0,
    exitsTraining: training ?? 0,
    exitsBusiness: business ?? 0,
    exitsJobSeeking: seeking ?? 0,
    exitsOther: other ?? 0,
  };
}

function activity(rng: Random, p: Profile): PimmsReturn["activity"] {
  const visitors = Math.round(18_700 * p.scale * rng.spread(0.2));
  const reasonsTotal = Math.round(visitors * rng.between(2.2, 3.3));
  const reasonsPartners = Math.round(reasonsTotal * rng.between(0.38, 0.55));
  const reasonsDigital = Math.round(reasonsTotal * rng.between(0.06, 0.16));
  const reasonsInfo = Math.round(reasonsTotal * rng.between(0.2, 0.3));
  const reasonsMediation = Math.round(reasonsTotal * rng.between(0.5, 0.62));
  const workshops = rng.int(2, 40);
  return {
    visitors,
    reasonsTotal,
    reasonsPartners,
    reasonsNonPartners: reasonsTotal - reasonsPartners - reasonsDigital,
    reasonsDigital,
    reasonsInfo,
    reasonsMediation,
    reasonsLocalServices: reasonsTotal - reasonsInfo - reasonsMediation,
    workshops,
    workshopParticipants: workshops * rng.int(6, 14),
    outreachContacts: Math.round(visitors * rng.between(0.3, 0.9)),
    prevReasonsPartners: null,
    prevReasonsNonPartners: null,
    prevReasonsDigital: null,
  };
}

function yearReturn(rng: Random, p: Profile, year: number): PimmsReturn {
  const drifted = { ...p, scale: p.scale * rng.spread(0.06) };
  const staffTotal = Math.max(2, Math.round(12.9 * drifted.scale));
  const slug = p.place.code.toLowerCase().replace(/^pimms-/, "");
  const certified = !p.fragile.has("certification");
  return {
    identification: {
      structureCode: p.place.code,
      structureName: p.place.name,
      association: `Association ${p.place.name}`,
      year,
      sites: p.sites,
      territory: p.territory,
      openingDays: p.openingDays,
      directorEmail: `direction@${slug}.pimms.example`,
      treasurerEmail: `tresorier@${slug}.pimms.example`,
    },
    governance: governance(rng, drifted, year),
    finance: finance(rng, drifted, staffTotal),
    social: social(rng, drifted, staffTotal),
    activity: activity(rng, drifted),
    network: {
      certificationInPlan: certified,
      certificationStatus: certified ? rng.pick(["En cours", "Certifiée"]) : "Non engagée",
      eventParticipants: Math.round(60 * p.scale * rng.spread(0.5)) + rng.int(0, 20),
    },
  };
}

/** Copies last year's reason counts into a return, for the changes in points. */
function carryReasons(to: PimmsReturn, from: PimmsReturn): void {
  to.activity.prevReasonsPartners = from.activity.reasonsPartners;
  to.activity.prevReasonsNonPartners = from.activity.reasonsNonPartners;
  to.activity.prevReasonsDigital = from.activity.reasonsDigital;
}

/** The same network for the same options on every run: N-1 returns for all but the newcomers, and N-2 returns. */
export function generateNetwork(options: DemoNetworkOptions = {}): DemoNetwork {
  const size = options.size ?? DEMO_SIZE;
  const seed = options.seed ?? DEMO_SEED;
  const year = options.year ?? DEMO_YEAR;
  const rng = createRandom(seed);
  const all = profiles(rng, size);
  const structures = all.map((p, i): DemoStructure => {
    const previous = i % 10 === 7 ? null : yearReturn(rng, p, year - 1);
    const current = yearReturn(rng, p, year);
    if (previous) carryReasons(current, previous);
    return {
      code: p.place.code,
      name: p.place.name,
      territory: p.territory,
      current,
      previous,
      earlier: null,
    };
  });
  // N-2 from its own random sequence, so N and N-1 stay those of the same seed without it.
  const older = createRandom(seed + 1);
  structures.forEach((s, i) => {
    const p = all[i] as Profile;
    if (i % 10 === 3 || (s.previous === null && i % 20 !== 7)) return;
    s.earlier = yearReturn(older, p, year - 2);
    if (s.previous) carryReasons(s.previous, s.earlier);
  });
  return { year, seed, structures };
}
