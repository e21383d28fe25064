// The Google APIs barometre doctor reads on a real project, with the application-default credentials only
// (gcloud auth application-default login). Each call reads metadata; none reads a secret's value or a return.
import { UserError } from "../errors.ts";

const API = {
  /** Firestore Admin API, databases.get: https://firebase.google.com/docs/firestore/reference/rest/v1/projects.databases/get */
  firestore: "https://firestore.googleapis.com/v1",
  /** Firebase Rules API, releases.get and rulesets.get: https://firebase.google.com/docs/reference/rules/rest */
  rules: "https://firebaserules.googleapis.com/v1",
  /** Secret Manager API, versions.get (metadata, not the value): https://cloud.google.com/secret-manager/docs/reference/rest/v1/projects.secrets.versions/get */
  secrets: "https://secretmanager.googleapis.com/v1",
  /** Sheets API, spreadsheets.get with fields=spreadsheetId: https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/get */
  sheets: "https://sheets.googleapis.com/v4",
};

export interface GoogleProject {
  id: string;
  firestoreLocation(): Promise<string>;
  /** The source of the rules released for Firestore. */
  deployedRules(): Promise<string>;
  /** How many single-field indexes a field keeps (0 for an exemption), and whether it follows the defaults. */
  fieldIndexing(group: string, field: string): Promise<{ indexes: number; defaults: boolean }>;
  secretEnabled(name: string): Promise<boolean>;
  sheetReadable(id: string): Promise<boolean>;
}

export async function googleProject(id: string): Promise<GoogleProject> {
  const { GoogleAuth } = await import("google-auth-library");
  const auth = new GoogleAuth({ scopes: ["https://www.googleapis.com/auth/cloud-platform"] });
  const get = async <T>(url: string): Promise<T> => {
    try {
      const client = await auth.getClient();
      return (await client.request<T>({ url })).data;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (/default credentials/i.test(message)) {
        throw new UserError(
          "Pas d'identifiants Google : lancez « gcloud auth application-default login » puis relancez barometre doctor.",
        );
      }
      throw error;
    }
  };
  const db = `${API.firestore}/projects/${id}/databases/(default)`;
  return {
    id,
    firestoreLocation: async () => (await get<{ locationId: string }>(db)).locationId,
    deployedRules: async () => {
      const release = await get<{ rulesetName: string }>(
        `${API.rules}/projects/${id}/releases/cloud.firestore`,
      );
      const ruleset = await get<{ source: { files: { content: string }[] } }>(
        `${API.rules}/${release.rulesetName}`,
      );
      return ruleset.source.files.map((f) => f.content).join("\n");
    },
    fieldIndexing: async (group, field) => {
      const found = await get<{
        indexConfig?: { indexes?: unknown[]; usesAncestorConfig?: boolean };
      }>(`${db}/collectionGroups/${group}/fields/${field}`);
      return {
        indexes: found.indexConfig?.indexes?.length ?? 0,
        defaults: found.indexConfig?.usesAncestorConfig === true,
      };
    },
    secretEnabled: async (name) => {
      try {
        const version = await get<{ state: string }>(
          `${API.secrets}/projects/${id}/secrets/${name}/versions/latest`,
        );
        return version.state === "ENABLED";
      } catch {
        return false;
      }
    },
    sheetReadable: async (sheetId) => {
      try {
        await get(`${API.sheets}/spreadsheets/${sheetId}?fields=spreadsheetId`);
        return true;
      } catch {
        return false;
      }
    },
  };
}
