// End-to-end test in a real VS Code: code-server on loopback, driven by
// headless Chromium through playwright-core. Installs the .vsix, opens a
// seed article, and reads a diagnostic, a hover, the symbol list, the
// effect of an edit, a quick fix and the corpus stats from the page,
// taking a screenshot of each.
//
//   node run.mjs INSTALL_DIR VSIX ARTICLE OUT_DIR
//
// INSTALL_DIR is what install.sh prepared (code-server, playwright-core).
// Exits 0 when every check passes; OUT_DIR gets the screenshots and a
// results.json.
//
// Nothing here sleeps for a fixed time: every step waits for a condition
// on the page (with a generous bound, since CI machines are busy). A step
// that fails is tried once more after a screenshot and the code-server log
// are saved as fail-STEP-N.png / fail-STEP-N.log.

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
const articleName = path.basename(article);

// How long a condition may take before the step fails (busy 2-core CI
// machines with a debug server: generous on purpose).
const PATIENCE = 90_000;

mkdirSync(outDir, { recursive: true });
const work = mkdtempSync(path.join(tmpdir(), "newsls-vscode-"));
const folder = path.join(work, "articles");
const userData = path.join(work, "user-data");
const extensions = path.join(work, "extensions");
mkdirSync(folder);
mkdirSync(path.join(userData, "User"), { recursive: true });
copyFileSync(article, path.join(folder, articleName));
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
    "editor.lightbulb.enabled": "off",
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
  console.log(`${ok ? "ok   " : "FAIL "} ${name}${ok ? "" : `: ${JSON.stringify(detail)?.slice(0, 600)}`}`);
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
const serverExit = new Promise((resolve) => server.on("exit", resolve));

let browser;
let page;
async function cleanup() {
  await browser?.close().catch(() => {});
  // code-server forks children (bootstrap-fork, the extension host, the
  // language server): end the whole process group, and wait for it.
  try {
    process.kill(-server.pid, "SIGTERM");
  } catch {}
  const ended = await Promise.race([serverExit.then(() => true), delay(10_000).then(() => false)]);
  if (!ended) {
    try {
      process.kill(-server.pid, "SIGKILL");
    } catch {}
  }
  writeFileSync(path.join(outDir, "results.json"), JSON.stringify(results, null, 2));
  writeFileSync(path.join(outDir, "code-server.log"), serverLog);
  rmSync(work, { recursive: true, force: true });
}

function delay(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

/// Polls `probe` until it returns a truthy value, and returns that value;
/// throws with `what` after `timeout` ms.
async function until(what, probe, timeout = PATIENCE) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await probe();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what} (last: ${String(last).slice(0, 300)})`);
    }
    await delay(100);
  }
}

/// Runs one step; on failure saves a screenshot and the code-server log,
/// runs `recover` and tries once more. Returns the step's value or
/// undefined when both attempts failed (the failure is a check).
async function step(name, body, recover = resetFocus) {
  for (let attempt = 1; attempt <= 2; attempt++) {
    try {
      return await body(attempt);
    } catch (e) {
      const tag = `${name.replace(/[^a-z0-9]+/gi, "-")}-${attempt}`;
      await page?.screenshot({ path: path.join(outDir, `fail-${tag}.png`) }).catch(() => {});
      writeFileSync(path.join(outDir, `fail-${tag}.log`), `${e?.stack ?? e}\n\n${serverLog}`);
      console.log(`retry ${name} (attempt ${attempt} failed: ${String(e?.message ?? e).slice(0, 300)})`);
      if (attempt === 2) {
        check(name, false, String(e?.message ?? e));
        return undefined;
      }
      await recover().catch(() => {});
    }
  }
}

async function resetFocus() {
  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");
  await page.mouse.move(5, 5);
}

async function waitForServer() {
  const deadline = Date.now() + PATIENCE;
  while (Date.now() < deadline) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (r.ok) return true;
    } catch {}
    await delay(250);
  }
  return false;
}

const editorLines = () => page.locator(".monaco-editor .view-lines").first();
const editorText = async () => (await editorLines().innerText()).replace(/\u00a0/g, " ");
const problemRows = () => page.locator(".markers-panel .monaco-list-row").allInnerTexts();

/// Makes sure the Problems panel is open (Ctrl+Shift+M toggles it).
async function showProblems() {
  if (await page.locator(".markers-panel").isVisible()) return;
  await page.keyboard.press("Control+Shift+M");
  await until("the Problems panel", () => page.locator(".markers-panel").isVisible());
}

/// Runs a command from the palette once its row is listed.
async function runCommand(label) {
  await page.keyboard.press("F1");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor({ state: "visible", timeout: PATIENCE });
  await input.fill(`>${label}`);
  const row = page.locator(".quick-input-list .monaco-list-row", { hasText: label }).first();
  await row.waitFor({ state: "visible", timeout: PATIENCE });
  await row.click();
}

/// Selects the first occurrence of `needle` in the editor with the find
/// widget (the match is selected once the widget counts it).
async function select(needle) {
  await editorLines().click();
  await page.keyboard.press("Control+Home");
  await page.keyboard.press("Control+F");
  const input = page.locator(".find-widget.visible textarea, .find-widget.visible input").first();
  await input.waitFor({ state: "visible", timeout: PATIENCE });
  await input.fill(needle);
  await until(`a match for ${JSON.stringify(needle)}`, async () => {
    const count = await page.locator(".find-widget.visible .matchesCount").innerText();
    return /^1 of/.test(count.trim());
  });
  // Escape closes the widget and keeps the match selected.
  await page.keyboard.press("Escape");
  await until("the find widget to close", async () => !(await page.locator(".find-widget.visible").count()));
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
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(PATIENCE);

  const opened = await step("article opens in an editor", async () => {
    if (!(await page.locator(".monaco-workbench").count())) {
      await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`);
      await page.locator(".monaco-workbench").waitFor({ timeout: PATIENCE });
    }
    // Quick Open, as a user would: Enter only once the file is listed,
    // then wait for its tab and its text.
    await page.keyboard.press("Control+P");
    const input = page.locator(".quick-input-widget input");
    await input.waitFor({ state: "visible" });
    await input.fill(articleName);
    const row = page.locator(".quick-input-list .monaco-list-row", { hasText: articleName }).first();
    await row.waitFor({ state: "visible" });
    await row.click();
    await page.locator(".tabs-container .tab", { hasText: articleName }).first().waitFor();
    await until("the article's text in the editor", async () => (await editorText()).includes("Xi Jinping"));
    return true;
  });
  check("article opens in an editor", opened);
  if (!opened) throw new Error("no editor: the remaining steps cannot run");

  // Diagnostics: squiggles in the editor, then their text in Problems.
  await step("diagnostics drawn in the editor", async () => {
    await page
      .locator(".monaco-editor .squiggly-warning, .monaco-editor .squiggly-error")
      .first()
      .waitFor({ state: "attached" });
    check("diagnostics drawn in the editor", true);
  });
  await step("Problems lists an unattributed claim", async () => {
    await showProblems();
    const rows = await until("an unattributed-claim row in Problems", async () => {
      const r = await problemRows();
      return r.some((p) => /unattributed-claim/.test(p) && /unattributed claim/.test(p)) && r;
    });
    await page.screenshot({ path: path.join(outDir, "diagnostics.png") });
    check("Problems lists an unattributed claim", true, rows);
  });

  // Hover on "Xi Jinping": the name is a token of its own (semantic
  // highlighting splits it out); the editor renders its spaces as U+00A0.
  await step("hover names the actor and lists quotes", async () => {
    await resetFocus();
    const name = page
      .locator(".monaco-editor .view-line span[class^='mtk']", { hasText: /^Xi\sJinping$/ })
      .first();
    await name.hover();
    const hover = await until("a hover naming Xi Jinping with his quotes", async () => {
      const h = page.locator(".monaco-hover .hover-contents, .monaco-hover .markdown-hover").first();
      if (!(await h.isVisible())) return false;
      const t = await h.innerText();
      return /Xi Jinping/.test(t) && /Quoted/.test(t) && t;
    });
    await page.screenshot({ path: path.join(outDir, "hover.png") });
    check("hover names the actor and lists quotes", true, hover);
    await resetFocus();
  });

  // Outline: Go to Symbol in Editor.
  await step("symbol list has the speakers", async () => {
    await editorLines().click();
    await page.keyboard.press("Control+Shift+O");
    const symbols = await until("the speakers in Go to Symbol", async () => {
      const s = await page.locator(".quick-input-list .monaco-list-row").allInnerTexts();
      return s.some((x) => x.includes("Xi Jinping")) && s.some((x) => x.includes("The New York Times")) && s;
    });
    await page.screenshot({ path: path.join(outDir, "symbols.png") });
    check("symbol list has the speakers", true, symbols);
    await page.keyboard.press("Escape");
  });

  // An edit, typed as a reporter would: source the claim of line 1 and
  // watch its diagnostic go.
  const claimOnLine1 = async () => {
    const rows = await problemRows();
    return rows.some((r) => /unattributed-claim/.test(r) && /\[Ln 1,/.test(r));
  };
  const sourced = "Selon Reuters, un accord pourrait";
  await step("typing a source clears the claim", async () => {
    await showProblems();
    if (!(await editorText()).includes(sourced)) {
      await until("the claim of line 1 in Problems", claimOnLine1);
      await select("Un accord pourrait");
      await page.keyboard.type(sourced);
    }
    await until("the claim of line 1 to go", async () => !(await claimOnLine1()));
    await page.screenshot({ path: path.join(outDir, "after-edit.png") });
    check("typing a source clears the claim", true);
  });

  // Quick fix: the wrong-way « of line 1, through the light bulb menu
  // (Ctrl+.), as a user would.
  await step("quick fix replaces the wrong-way «", async () => {
    // (An inlay hint "← speaker" is drawn right after the mark.)
    const fixed = "piratage»";
    if (!(await editorText()).includes(fixed)) {
      await select("piratage« ");
      await page.keyboard.press("Control+Period");
      const fix = page.locator(".action-widget .monaco-list-row", { hasText: "Replace « with »" }).first();
      await fix.waitFor({ state: "visible" });
      await page.screenshot({ path: path.join(outDir, "quick-fix.png") });
      await fix.click();
    }
    await until("the mark replaced in the text", async () => (await editorText()).includes(fixed));
    await showProblems();
    await until("the unbalanced-quote error of line 1 to go", async () =>
      !(await problemRows()).some((r) => /unbalanced-quote/.test(r) && /\[Ln 1,/.test(r)),
    );
    check("quick fix replaces the wrong-way «", true);
  });

  // Corpus stats through the command palette: the HTML report, its charts
  // drawn in the webview's nested frame, its script allowed by the
  // webview's nonce (a sortable table that sorts).
  await step("stats preview shows speakers", async () => {
    await resetFocus();
    if (!(await page.locator(".tab", { hasText: "newsls corpus stats" }).count())) {
      await runCommand("newsls: Show Corpus Stats");
    }
    await page.locator(".tab", { hasText: "newsls corpus stats" }).first().waitFor();
    const report = await until("the report with its charts in the webview", async () => {
      for (const frame of page.frames()) {
        const charts = await frame.locator("figure.chart svg").count().catch(() => 0);
        if (charts === 0) continue;
        const text = await frame.locator("body").innerText({ timeout: 1000 }).catch(() => "");
        if (/Who is quoted/.test(text) && /Xi Jinping/.test(text)) return { frame, charts, text };
      }
      return false;
    });
    check("stats preview shows speakers", true, report.text.slice(0, 1000));
    check("the report's charts are drawn in the webview", report.charts >= 3, report.charts);
    const sortBy = report.frame.locator("#article-table th", { hasText: "quotes" }).first();
    await sortBy.locator("button").click();
    await until("the article table sorted by the webview's script", async () =>
      (await sortBy.getAttribute("aria-sort")) === "ascending",
    );
    await report.frame.locator("figure[data-chart=speakers]").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(outDir, "stats.png") });
    check("the report's script runs (its table sorts)", true);
  });
} catch (e) {
  check("no exception", false, String(e?.stack ?? e));
} finally {
  await cleanup();
}
process.exit(failed ? 1 : 0);
