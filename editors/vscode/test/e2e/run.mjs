// End-to-end test in a real VS Code: code-server on loopback, driven by
// headless Chromium through playwright-core. Installs the .vsix, opens a
// seed article, and reads a diagnostic, a hover, the symbol list, the
// effect of an edit and the corpus stats from the page, taking a
// screenshot of each.
//
//   node run.mjs INSTALL_DIR VSIX ARTICLE OUT_DIR
//
// INSTALL_DIR is what install.sh prepared (code-server, playwright-core).
// Exits 0 when every check passes; OUT_DIR gets the screenshots and a
// results.json.

import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import * as path from "node:path";

const [installDir, vsix, article, outDir] = process.argv.slice(2).map((p) => path.resolve(p));
const require = createRequire(path.join(installDir, "code-server", "package.json"));
const { chromium } = require("playwright-core");
const codeServer = path.join(installDir, "code-server", "node_modules", ".bin", "code-server");

mkdirSync(outDir, { recursive: true });
const work = mkdtempSync(path.join(tmpdir(), "newsls-vscode-"));
const folder = path.join(work, "articles");
const userData = path.join(work, "user-data");
const extensions = path.join(work, "extensions");
mkdirSync(folder);
mkdirSync(path.join(userData, "User"), { recursive: true });
copyFileSync(article, path.join(folder, path.basename(article)));
writeFileSync(
  path.join(userData, "User", "settings.json"),
  JSON.stringify({
    "security.workspace.trust.enabled": false,
    "workbench.startupEditor": "none",
    "workbench.tips.enabled": false,
    "telemetry.telemetryLevel": "off",
    "extensions.autoUpdate": false,
    "extensions.autoCheckUpdates": false,
    "editor.hover.delay": 100,
    "editor.wordWrap": "on",
    "newsls.diagnostics.delayMs": 0,
    "chat.disableAIFeatures": true,
    "workbench.secondarySideBar.defaultVisibility": "hidden",
  }),
);

const results = { checks: [] };
let failed = false;
function check(name, ok, detail) {
  results.checks.push({ name, ok: Boolean(ok), detail });
  if (!ok) failed = true;
  console.log(`${ok ? "ok   " : "FAIL "} ${name}${ok ? "" : `: ${JSON.stringify(detail)?.slice(0, 400)}`}`);
}

const install = spawnSync(
  codeServer,
  ["--user-data-dir", userData, "--extensions-dir", extensions, "--install-extension", vsix],
  { encoding: "utf8" },
);
check("vsix installs", install.status === 0 && /newsls/.test(install.stdout), install.stdout + install.stderr);

async function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const port = await freePort();
const server = spawn(
  codeServer,
  [
    "--bind-addr", `127.0.0.1:${port}`,
    "--auth", "none",
    "--disable-telemetry",
    "--disable-update-check",
    "--disable-workspace-trust",
    "--user-data-dir", userData,
    "--extensions-dir", extensions,
    folder,
  ],
  { detached: true, stdio: ["ignore", "pipe", "pipe"] },
);
let serverLog = "";
server.stdout.on("data", (d) => (serverLog += d));
server.stderr.on("data", (d) => (serverLog += d));

let browser;
async function cleanup() {
  await browser?.close().catch(() => {});
  // code-server forks children (bootstrap-fork, the extension host, the
  // language server): end the whole process group.
  try {
    process.kill(-server.pid, "SIGTERM");
  } catch {}
  await new Promise((r) => setTimeout(r, 500));
  try {
    process.kill(-server.pid, "SIGKILL");
  } catch {}
  writeFileSync(path.join(outDir, "results.json"), JSON.stringify(results, null, 2));
  writeFileSync(path.join(outDir, "code-server.log"), serverLog);
  rmSync(work, { recursive: true, force: true });
}

async function waitForServer() {
  for (let i = 0; i < 120; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (r.ok) return true;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

try {
  check("code-server answers", await waitForServer(), serverLog);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`);
  await page.waitForSelector(".monaco-workbench", { timeout: 60000 });
  await page.waitForTimeout(2000);

  // Open the article through Quick Open, as a user would.
  await page.keyboard.press("Control+P");
  await page.waitForSelector(".quick-input-widget input", { state: "visible" });
  await page.keyboard.type(path.basename(article));
  await page.waitForTimeout(800);
  await page.keyboard.press("Enter");
  await page.waitForSelector(".monaco-editor .view-lines", { timeout: 30000 });

  // Diagnostics: squiggles in the editor, then their text in Problems.
  const squiggle = await page
    .waitForSelector(".monaco-editor .squiggly-warning, .monaco-editor .squiggly-error", { timeout: 60000 })
    .then(() => true, () => false);
  check("diagnostics drawn in the editor", squiggle, serverLog.slice(-2000));
  await page.keyboard.press("Control+Shift+M");
  await page.waitForSelector(".markers-panel .monaco-list-row", { timeout: 30000 }).catch(() => {});
  await page.waitForTimeout(500);
  const problems = await page.locator(".markers-panel .monaco-list-row").allInnerTexts();
  await page.screenshot({ path: path.join(outDir, "diagnostics.png") });
  check(
    "Problems lists an unattributed claim",
    problems.some((p) => /unattributed-claim/.test(p) && /unattributed claim/.test(p)),
    problems,
  );
  await page.keyboard.press("Control+Shift+M"); // back to the editor

  // Hover on "Xi Jinping".
  // The name is a token of its own (semantic highlighting splits it out);
  // the editor renders its spaces as U+00A0.
  const name = page
    .locator(".monaco-editor .view-line span[class^='mtk']", { hasText: /^Xi\sJinping$/ })
    .first();
  await name.hover();
  const hover = await page
    .waitForSelector(".monaco-hover .hover-contents, .monaco-hover .markdown-hover", { state: "visible", timeout: 15000 })
    .then(async (h) => h.innerText(), () => "");
  await page.screenshot({ path: path.join(outDir, "hover.png") });
  check("hover names the actor and lists quotes", /Xi Jinping/.test(hover) && /Quoted/.test(hover), hover);
  await page.mouse.move(5, 5);
  await page.keyboard.press("Escape");

  // Outline: Go to Symbol in Editor.
  await page.keyboard.press("Control+Shift+O");
  await page.waitForSelector(".quick-input-list .monaco-list-row", { timeout: 15000 }).catch(() => {});
  await page.waitForTimeout(800);
  const symbols = await page.locator(".quick-input-list .monaco-list-row").allInnerTexts();
  await page.screenshot({ path: path.join(outDir, "symbols.png") });
  check(
    "symbol list has the speakers",
    symbols.some((s) => s.includes("Xi Jinping")) && symbols.some((s) => s.includes("The New York Times")),
    symbols,
  );
  await page.keyboard.press("Escape");

  // An edit, typed as a reporter would: source the claim of line 1 and
  // watch its diagnostic go.
  const claimOnLine1 = async () => {
    const rows = await page.locator(".markers-panel .monaco-list-row").allInnerTexts();
    return rows.some((r) => /unattributed-claim/.test(r) && /\[Ln 1,/.test(r));
  };
  await page.keyboard.press("Control+Shift+M");
  await page.waitForTimeout(300);
  const before = await claimOnLine1();
  await page.locator(".monaco-editor .view-lines").first().click();
  // From the top, so the search finds line 1's claim first.
  await page.keyboard.press("Control+Home");
  await page.keyboard.press("Control+F");
  await page.waitForSelector(".find-widget.visible textarea, .find-widget.visible input", { timeout: 10000 });
  // Typing in the find widget selects the first match; Escape keeps it
  // selected and the text typed next replaces it.
  await page.keyboard.type("Un accord pourrait");
  await page.waitForTimeout(300);
  await page.keyboard.press("Escape");
  await page.keyboard.type("Selon Reuters, un accord pourrait");
  let after = true;
  for (let i = 0; i < 40 && after; i++) {
    await page.waitForTimeout(250);
    after = await claimOnLine1();
  }
  await page.screenshot({ path: path.join(outDir, "after-edit.png") });
  check("typing a source clears the claim", before && !after, { before, after });
  await page.keyboard.press("Control+Shift+M");

  // Corpus stats through the command palette.
  await page.keyboard.press("F1");
  await page.waitForSelector(".quick-input-widget input", { state: "visible" });
  await page.keyboard.type("newsls: Show Corpus Stats");
  await page.waitForTimeout(800);
  await page.keyboard.press("Enter");
  const preview = await page
    .waitForSelector(".tab:has-text('newsls corpus stats')", { timeout: 30000 })
    .then(() => true, () => false);
  // The webview renders in nested frames: poll them for the report.
  let statsText = "";
  for (let i = 0; i < 40 && !/Xi Jinping/.test(statsText); i++) {
    await page.waitForTimeout(500);
    const texts = await Promise.all(
      page.frames().map((f) => f.locator("body").innerText({ timeout: 1000 }).catch(() => "")),
    );
    statsText = texts.filter((t) => /corpus stats/.test(t)).join("\n");
  }
  await page.screenshot({ path: path.join(outDir, "stats.png") });
  check("stats preview shows speakers", preview && /Xi Jinping/.test(statsText), statsText.slice(0, 1000));
} catch (e) {
  check("no exception", false, String(e?.stack ?? e));
} finally {
  await cleanup();
}
process.exit(failed ? 1 : 0);
