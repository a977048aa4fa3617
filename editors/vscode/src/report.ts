// The corpus report of `newsls stats --format html`, made ready for a
// webview: the page's own Content-Security-Policy (inline style and
// script, no load) becomes VS Code's kind, where the one script runs only
// with a fresh nonce. No VS Code API here, so the unit tests cover it.

import { randomBytes } from "node:crypto";

/** Arguments of the stats run over these folders. */
export function statsArgs(folders: string[]): string[] {
  return ["stats", "--format", "html", ...folders];
}

/** A nonce for one rendering of the page. */
export function nonce(): string {
  return randomBytes(16).toString("base64");
}

/** The policy of the webview: nothing loads, the report's style applies,
 *  and only scripts carrying `nonce` run. */
export function policy(nonce: string): string {
  return `default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${nonce}';`;
}

const META = /<meta\s+http-equiv="Content-Security-Policy"[^>]*>/gi;

/** The report with the webview's policy in place of its own and the
 *  nonce on its scripts. A page without a head gets one. */
export function webviewHtml(report: string, nonce: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy(nonce)}">`;
  let html = report.replace(META, "").replace(/<script>/g, `<script nonce="${nonce}">`);
  if (/<head>/i.test(html)) {
    html = html.replace(/<head>/i, `<head>\n${meta}`);
  } else {
    html = `<!DOCTYPE html><html><head>${meta}</head><body>${html}</body></html>`;
  }
  return html;
}
