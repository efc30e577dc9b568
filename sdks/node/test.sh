#!/usr/bin/env bash
# Packs the SDK (npm pack -> dist/reelforge-<version>.tgz), installs that tarball into a throwaway project, checks
# the CommonJS entry and the TypeScript types (tsc from the npm registry, in the throwaway project only), and runs
# the contract scenarios (sdks/contract/SCENARIOS.md) with `node --test` against REELFORGE_BASE_URL (set with the
# keys by sdks/contract/run.sh).
set -euo pipefail
cd "$(dirname "$0")"
here=$PWD
command -v node >/dev/null && command -v npm >/dev/null || { echo "node and npm are needed (apt-get install nodejs npm)"; exit 1; }
node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 18 ? 0 : 1)' || { echo "Node >= 18 is needed"; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/reelforge-node.XXXXXX")
trap 'rm -rf "$work"' EXIT

rm -rf dist && mkdir dist
npm pack --silent --pack-destination dist >/dev/null
tarball=$(ls "$here"/dist/reelforge-*.tgz)
echo "packed $tarball"

project=$work/project
mkdir -p "$project"
cd "$project"
echo '{"name": "reelforge-throwaway", "private": true, "type": "module"}' >package.json
npm install --silent --no-audit --no-fund "$tarball" typescript@5 @types/node@20 >/dev/null
cp -r "$here/test" "$here/examples" "$here/README.md" .

# both entry points resolve to the installed package, and share one set of classes
node -e '
const cjs = require("reelforge");
if (typeof cjs.Reelforge !== "function" || !require.resolve("reelforge").includes("node_modules")) process.exit(1);
import("reelforge").then((esm) => { if (esm.Reelforge !== cjs.Reelforge) process.exit(1); console.log("CJS + ESM ok"); });'

# the hand-written types compile against a use of every part of the surface, in ESM and in CJS
cat >types.mts <<'TS'
import { Reelforge, RateLimitError, GenerationFailedError, verify, type Generation } from "reelforge";
import ReelforgeDefault from "reelforge";
const viaDefault: Reelforge = new ReelforgeDefault({ apiKey: "k" });
const c = new Reelforge({ apiKey: "k", baseURL: "http://localhost:8080", maxRetries: 2, retryDelay: 1 });
async function use(): Promise<void> {
  const job: Generation = await c.video.submit({ prompt: "p", resolution: "720p", image: new Uint8Array(1), cameraFixed: true });
  const done = await c.video.generate({ prompt: "p" }, { timeout: 60 });
  const path: string | null = done.outputUrl;
  await done.save("output.mp4");
  for await (const g of c.video.list({ status: "canceled", limit: 2 })) { const id: string = g.generationId; }
  for await (const e of c.account.ledger()) { const n: number = e.amount; }
  const a = await c.account.get(); const b: number = a.balance;
  const ep = await c.webhooks.create({ url: "http://x", events: ["video.completed"] });
  const ev = verify("{}", { "webhook-id": "x" }, ep.secret ?? ""); const t: string = ev.type;
  try { await c.video.wait(job.generationId, { timeout: 1 }); } catch (e) {
    if (e instanceof RateLimitError) { const r: number | null = e.retryAfter; }
    if (e instanceof GenerationFailedError) { const code: string | null = e.errorCode; }
  }
}
TS
cat >types.cts <<'TS'
import rf = require("reelforge");
const c: rf.Reelforge = new rf.Reelforge();
TS
npx --no-install tsc --noEmit --strict --module node16 --moduleResolution node16 --target es2022 types.mts types.cts
echo "types ok"

exec node --test --test-reporter=spec test/transport.test.mjs test/contract.test.mjs
