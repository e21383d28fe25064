// The last closed campaign's network, fetched once with the campaign and kept in the document's properties, so the values being typed can be placed in it.
import type { LastNetwork } from "@barometre/shared";

const PROPERTY = "barometre.lastNetwork";

interface Kept {
  /** The workbook's campaign it was fetched for. */
  forYear: number;
  network: LastNetwork;
}

function kept(): Kept | null {
  const raw = PropertiesService.getDocumentProperties().getProperty(PROPERTY);
  if (!raw) return null;
  try {
    const k = JSON.parse(raw) as Kept;
    return typeof k.forYear === "number" && typeof k.network?.year === "number" ? k : null;
  } catch {
    return null;
  }
}

export function storedLastNetwork(forYear: number): LastNetwork | null {
  const k = kept();
  return k?.forYear === forYear ? k.network : null;
}

/** Keeps the network the first time it comes for this campaign (later answers leave the stored one); true when it did. */
export function storeLastNetwork(forYear: number, network: LastNetwork): boolean {
  if (storedLastNetwork(forYear)) return false;
  PropertiesService.getDocumentProperties().setProperty(
    PROPERTY,
    JSON.stringify({ forYear, network } satisfies Kept),
  );
  return true;
}
