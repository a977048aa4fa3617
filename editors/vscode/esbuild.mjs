// Bundles the extension (dist/extension.js) or, with --tests, the unit
// tests (dist/test/*.test.js, run by `node --test`).
import { readdirSync } from "node:fs";
import * as esbuild from "esbuild";

const production = process.argv.includes("--production");
const tests = process.argv.includes("--tests");

const common = {
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  sourcemap: !production,
  minify: production,
  logLevel: "warning",
};

if (tests) {
  await esbuild.build({
    ...common,
    entryPoints: readdirSync("test/unit")
      .filter((f) => f.endsWith(".test.ts"))
      .map((f) => `test/unit/${f}`),
    outdir: "dist/test",
    // Unit tests cover what runs without VS Code.
    external: ["vscode"],
  });
} else {
  await esbuild.build({
    ...common,
    entryPoints: ["src/extension.ts"],
    outfile: "dist/extension.js",
    external: ["vscode"],
  });
}
