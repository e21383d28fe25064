// The public prices campaign.costEuros2800 is computed with, as read on 2026-12-05 (written here, never fetched).
//
// The project deploys to europe-west9 (Paris: firebase.json, README), Firestore Standard edition, functions of the
// 2nd generation, which Cloud Run bills with request-based billing ("CPU only allocated during request processing").
//
// - Cloud Run, https://cloud.google.com/run/pricing, europe-west9 being a Tier 1 region: $0.000024 per vCPU-second,
//   $0.0000025 per GiB-second, $0.40 per million requests, billed per request rounded up to 100 ms.
// - Firestore, https://cloud.google.com/firestore/pricing ("Pricing by location"): the table for europe-west9 was
//   not in the copies of the page that could be read; the regional Standard-edition prices used are the published
//   us-central1 ones ($0.03 per 100,000 document reads, $0.09 per 100,000 writes, $0.01 per 100,000 deletes), the
//   lowest regional prices; European regions list the same or up to about 15 % more. Aggregations are billed one
//   read per batch of up to 1,000 index entries (same page).
// - Internet egress, Premium Tier (https://cloud.google.com/vpc/network-pricing, which Cloud Run's page refers to):
//   $0.12 per GiB from Europe to the rest of the world, first TiB of the month.
// - US dollars to euros: 0.86 € per $ (ECB reference rate of late 2026 as last known here; not fetched).
//
// Free tiers (2 million requests, 180,000 vCPU-seconds a month; 50,000 Firestore reads a day…) are left out: the
// figure is what the campaign would cost a project that already uses them up, an upper bound.

export const PRICES_READ_ON = "2026-12-05";

export const EUROS_PER_DOLLAR = 0.86;

/** Dollars per unit. */
export const PRICES = {
  firestoreRead: 0.03 / 100_000,
  firestoreWrite: 0.09 / 100_000,
  firestoreDelete: 0.01 / 100_000,
  invocation: 0.4 / 1_000_000,
  vcpuSecond: 0.000024,
  gibSecond: 0.0000025,
  egressGib: 0.12,
} as const;

/** Cloud Run bills each request's time rounded up to this. */
export const BILLING_GRANULARITY_SECONDS = 0.1;
