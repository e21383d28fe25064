// A complete, valid return with round figures chosen so every indicator can be computed by hand.
import { type FieldValue, field, type PimmsReturn, setValue } from "../../src/index.ts";

const held = (date: string) => ({ date, president: true, treasurer: true, secretary: true });

/**
 * Indicators of this return, by hand: regularity 9/9 = 1; balance 240 000 / (480 000 / 4) = 2;
 * months 12 × 240 000 / 480 000 = 6; training 6 000 / 300 000 = 0.02; exits 4 / 5 = 0.8;
 * shares 0.4 / 0.4 / 0.2 against N-1 0.45 / 0.45 / 0.1 (−5, −5, +10 points);
 * visitors 10 000 / 250 / 10 = 4 and reasons 25 000 / 250 / 10 = 10 a day per FTE.
 */
export function sampleReturn(changes: Record<string, FieldValue> = {}): PimmsReturn {
  const ret: PimmsReturn = {
    identification: {
      structureCode: "PIMMS-TEST",
      structureName: "PIMMS Test",
      association: "Association PIMMS Test",
      year: 2018,
      sites: 2,
      territory: "Urbain QPV",
      openingDays: 250,
      directorEmail: "direction@test.pimms.example",
      treasurerEmail: null,
    },
    governance: {
      caValidation: held("2019-04-12"),
      agCloture: held("2019-06-20"),
      caOrientation: held("2019-11-05"),
    },
    finance: {
      revenueTotal: 500_000,
      revenuePartners: 250_000,
      revenuePublic: 200_000,
      revenueOther: 50_000,
      chargesTotal: 480_000,
      chargesPersonnel: 400_000,
      chargesOperating: 50_000,
      chargesExternal: 20_000,
      chargesOther: 10_000,
      netResult: 20_000,
      associationFunds: 240_000,
      trainingCosts: 6_000,
      grossPayroll: 300_000,
    },
    social: {
      staffTotal: 20,
      mediators: 16,
      womenStaff: 12,
      fteTotal: 16,
      fteMediators: 13,
      fteFrontDesk: 10,
      mediatorsCdi: 4,
      mediatorsCdd: 12,
      mediatorsFullTime: 12,
      trainingHours: 2_000,
      workedHours: 20_000,
      exitsDurableJob: 2,
      exitsTransitionJob: 1,
      exitsTraining: 1,
      exitsBusiness: 0,
      exitsJobSeeking: 1,
      exitsOther: 0,
    },
    activity: {
      visitors: 10_000,
      reasonsTotal: 25_000,
      reasonsPartners: 10_000,
      reasonsNonPartners: 10_000,
      reasonsDigital: 5_000,
      reasonsInfo: 10_000,
      reasonsMediation: 10_000,
      reasonsLocalServices: 5_000,
      workshops: 10,
      workshopParticipants: 100,
      outreachContacts: 500,
      prevReasonsPartners: 9_000,
      prevReasonsNonPartners: 9_000,
      prevReasonsDigital: 2_000,
    },
    network: { certificationInPlan: true, certificationStatus: "En cours", eventParticipants: 120 },
  };
  for (const [key, value] of Object.entries(changes)) setValue(ret, field(key), value);
  return ret;
}
