// Bundler and browser entry point (the `default` export condition): the
// module is fetched from `new URL("jamsos_wasm_bg.wasm", import.meta.url)`,
// which Vite, webpack 5, Rollup and esbuild-based tools copy as an asset,
// and instantiated by a top-level await, so the functions are ready as soon
// as the import resolves.
import init, * as raw from "./wasm/jamsos_wasm.js";
import { bind } from "./api.js";

await init();

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
