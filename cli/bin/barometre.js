#!/usr/bin/env node
// The barometre command: runs the TypeScript sources through tsx so no build step stands between a clone and a run.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/main.ts");
process.exitCode = await main(process.argv.slice(2));
