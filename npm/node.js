// Node entry point (the `node` export condition): the module's bytes are
// read from the package directory and instantiated synchronously, so the
// functions are ready as soon as the import resolves.
import { readFileSync } from "node:fs";
import * as raw from "./wasm/jamsos_wasm.js";
import { bind } from "./api.js";

raw.initSync({ module: readFileSync(new URL("./wasm/jamsos_wasm_bg.wasm", import.meta.url)) });

const api = bind(raw);

export { CONTRACT_VERSION, InvalidInput } from "./api.js";
export const {
  contribution,
  eligibility,
  benefit,
  fine,
  contributionJson,
  eligibilityJson,
  benefitJson,
  fineJson,
} = api;
