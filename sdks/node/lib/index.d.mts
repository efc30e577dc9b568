// Types of the ESM entry (lib/index.mjs): it re-exports the CommonJS build, so the declarations are the same,
// and its default export is the Reelforge class.
export * from "./index.cjs";
import { Reelforge } from "./index.cjs";
export default Reelforge;
