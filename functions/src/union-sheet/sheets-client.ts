// The Google Sheets API client (@googleapis/sheets and google-auth-library, loaded on first use).
import type { sheets_v4 } from "@googleapis/sheets";
import type { OAuth2Client } from "google-auth-library";

export type SheetsApi = sheets_v4.Sheets;

export const SHEETS_SCOPE = "https://www.googleapis.com/auth/spreadsheets";

export interface SheetsClientOptions {
  /** Where the API is: Google's by default, a local server in tests. */
  rootUrl?: string;
  /** Default: the function's service account (application default credentials) with the spreadsheets scope. */
  auth?: OAuth2Client;
}

export async function sheetsClient(options: SheetsClientOptions = {}): Promise<SheetsApi> {
  const [{ sheets }, { GoogleAuth }] = await Promise.all([
    import("@googleapis/sheets"),
    import("google-auth-library"),
  ]);
  return sheets({
    version: "v4",
    auth: options.auth ?? new GoogleAuth({ scopes: [SHEETS_SCOPE] }),
    ...(options.rootUrl ? { rootUrl: options.rootUrl } : {}),
  });
}
