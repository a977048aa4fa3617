// The HTML report in headless Chromium, as a reader opens it: from disk,
// with no network. Checks that it renders without console errors or
// attempted loads, that it has its charts, that the most-quoted speaker
// (from `newsls stats --format json` on the same articles) is the first,
// topmost bar, and that the article table sorts; takes a screenshot.
//
//   node report.mjs INSTALL_DIR REPORT_HTML STATS_JSON OUT_DIR
//
// INSTALL_DIR is what editors/vscode/test/e2e/install.sh prepared. Every
// wait is on a condition; nothing sleeps for a fixed time.

import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { pathToFileURL } from "node:url";

const [installDir, report, statsJson, outDir] = process.argv.slice(2).map((p) => path.resolve(p));
const require = createRequire(path.join(installDir, "code-server", "package.json"));
const { chromium } = require("playwright-core");
const stats = JSON.parse(readFileSync(statsJson, "utf8"));

const checks = [];
function check(name, ok, detail) {
  checks.push({ name, ok: Boolean(ok), detail });
  console.log(`${ok ? "ok   " : "FAIL "} ${name}${ok ? "" : `: ${JSON.stringify(detail)?.slice(0, 600)}`}`);
}

/// The label the report gives a speaker on its bar chart (see
/// src/cli/report/charts.rs: speaker_label).
function label(actor) {
  const chars = Array.from(actor.name);
  const name = chars.length <= 48 ? actor.name : `${chars.slice(0, 47).join("")}…`;
  return actor.anonymous ? `${name} (anonymous)` : name;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: [
    "--headless", "--no-sandbox", "--disable-gpu",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  page.setDefaultTimeout(60_000);
  const errors = [];
  const loads = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  const url = pathToFileURL(report).href;
  page.on("request", (r) => {
    if (r.url() !== url) loads.push(r.url());
  });
  await page.goto(url, { waitUntil: "load" });

  const charts = await page.locator("figure.chart svg").count();
  check("at least three charts", charts >= 3, charts);
  for (const name of ["speakers", "kinds", "articles"]) {
    const n = await page.locator(`figure[data-chart="${name}"] svg rect`).count();
    check(`the ${name} chart has bars`, n > 1, n);
  }

  // The topmost speaker label is the most-quoted speaker, and the topmost
  // bar sits on its row.
  const expected = stats.actors.slice(0, 20).map(label);
  const top = await page.locator('figure[data-chart="speakers"] svg').evaluate((svg, labels) => {
    const middle = (e) => {
      const r = e.getBoundingClientRect();
      return r.top + r.height / 2;
    };
    const names = Array.from(svg.querySelectorAll("text"))
      .filter((t) => labels.includes(t.textContent.trim()))
      .map((t) => ({ text: t.textContent.trim(), y: middle(t) }))
      .sort((a, b) => a.y - b.y);
    const kinds = ["#1F77B4", "#FF7F0E", "#2CA02C"];
    const bars = Array.from(svg.querySelectorAll("rect"))
      .filter((r) => kinds.includes((r.getAttribute("fill") ?? "").toUpperCase()))
      .filter((r) => r.getBoundingClientRect().height > 12)
      .map((r) => middle(r))
      .sort((a, b) => a - b);
    return { labels: names.map((n) => n.text), labelY: names[0]?.y, barY: bars[0] };
  }, expected);
  check("the top speaker is the first bar's label", top.labels[0] === expected[0], { expected: expected[0], labels: top.labels });
  check(
    "the first bar is on the top speaker's row",
    top.barY !== undefined && Math.abs(top.barY - top.labelY) < 12,
    top,
  );

  // The article table sorts by unattributed claims per 1,000 words.
  const rates = () =>
    page.locator("#article-table tbody tr td:last-child").evaluateAll((cells) =>
      cells.map((c) => Number.parseFloat(c.dataset.value)),
    );
  await page.locator("#article-table th", { hasText: "per 1,000 words" }).locator("button").click();
  await page.locator('#article-table th[aria-sort="ascending"]').waitFor();
  const ascending = await rates();
  check("the article table sorts ascending", ascending.every((v, i) => i === 0 || ascending[i - 1] <= v), ascending);
  await page.locator("#article-table th", { hasText: "per 1,000 words" }).locator("button").click();
  await page.locator('#article-table th[aria-sort="descending"]').waitFor();
  const descending = await rates();
  check("then descending", descending.every((v, i) => i === 0 || descending[i - 1] >= v), descending);
  check("all articles listed", descending.length === stats.articles.length, descending.length);

  await page.screenshot({ path: path.join(outDir, "report.png"), fullPage: true });
  check("no console error", errors.length === 0, errors);
  check("nothing loaded from anywhere", loads.length === 0, loads);
} catch (e) {
  check("no exception", false, String(e?.stack ?? e));
} finally {
  await browser.close();
}
writeFileSync(path.join(outDir, "results.json"), JSON.stringify({ checks }, null, 2));
const failed = checks.filter((c) => !c.ok).length;
console.log(`report: ${checks.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
