// Code.js as Apps Script needs it: every trigger, menu item and google.script.run target is a top-level function declaration.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type CallExpression, type Node, parse } from "acorn";
import { beforeAll, describe, expect, it } from "vitest";
import { builtAddon, fixture, openWorkbook } from "./support/addon-session.ts";

let dist: string;
beforeAll(async () => {
  dist = await builtAddon();
});

/** Every node of an ESTree, depth first. */
function* nodes(node: unknown): Generator<Node> {
  if (Array.isArray(node)) for (const child of node) yield* nodes(child);
  else if (node && typeof node === "object") {
    if (typeof (node as Node).type === "string") yield node as Node;
    for (const value of Object.values(node))
      if (value && typeof value === "object") yield* nodes(value);
  }
}

function topLevelFunctions(code: string): Set<string> {
  const program = parse(code, { ecmaVersion: 2022, sourceType: "script" });
  return new Set(
    program.body.flatMap((node) =>
      node.type === "FunctionDeclaration" && node.id ? [node.id.name] : [],
    ),
  );
}

/** The server functions the sidebar's script names: the first argument of its `call("…")` helper. */
function sidebarTargets(html: string): string[] {
  const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? "";
  const names = new Set<string>();
  for (const node of nodes(parse(script, { ecmaVersion: 2022, sourceType: "script" }))) {
    if (node.type !== "CallExpression") continue;
    const { callee, arguments: args } = node as CallExpression;
    const first = args[0];
    if (
      callee.type === "Identifier" &&
      /^call\d*$/.test(callee.name) &&
      first?.type === "Literal" &&
      typeof first.value === "string"
    ) {
      names.add(first.value);
    }
  }
  return [...names].sort();
}

describe("Code.js", () => {
  it("declares the triggers, the menu items and the sidebar's calls as top-level functions", async () => {
    const declared = topLevelFunctions(readFileSync(join(dist, "Code.js"), "utf8"));
    const rt = await openWorkbook(fixture("04-pimms-rennes-A.xlsx"));
    rt.trigger("onOpen", "NONE");
    const menu = rt.ui.menu?.map((i) => i.functionName) ?? [];
    const targets = sidebarTargets(readFileSync(join(dist, "Sidebar.html"), "utf8"));
    expect(targets).toEqual([
      "panelCampaign",
      "panelReview",
      "panelState",
      "runChoosePeers",
      "runPrepare",
      "runSaveAttestation",
      "runSaveExplanation",
      "runSubmit",
      "runVerify",
      "selectCell",
    ]);
    expect(menu).toHaveLength(4);
    for (const name of ["onOpen", "onInstall", ...menu, ...targets]) {
      expect(declared, name).toContain(name);
    }
  });

  it("runs in a bare V8 context: no Node or browser global is needed", async () => {
    const rt = await openWorkbook(fixture("04-pimms-rennes-A.xlsx"));
    const globals = rt.context as Record<string, unknown>;
    for (const name of ["require", "process", "setTimeout", "fetch", "window"]) {
      expect(globals[name], name).toBeUndefined();
    }
    expect(typeof globals.runVerify).toBe("function");
  });
});
