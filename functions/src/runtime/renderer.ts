// The report renderers as a dependency: loaded on first use (pdfkit and fonts cost a second of cold start).
import type { NetworkSummaryDocument, ReportDocument } from "@barometre/shared";
import type { RenderedMail } from "../report/render.ts";

export interface ReportRenderer {
  report(doc: ReportDocument): Promise<RenderedMail>;
  summary(doc: NetworkSummaryDocument): Promise<RenderedMail>;
}

export const lazyRenderer: ReportRenderer = {
  report: async (doc) => (await import("../report/render.ts")).renderReport(doc),
  summary: async (doc) => (await import("../report/render.ts")).renderNetworkSummary(doc),
};
