import assert from "node:assert/strict";
import { test } from "node:test";

import { nonce, statsArgs, webviewHtml } from "../../src/report";

const report = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<style>body { color: #222; }</style>
</head>
<body><svg role="img"><text>Xi Jinping</text></svg>
<script>
document.body.dataset.ready = "1";
</script>
</body></html>`;

test("the stats command asks for the HTML report", () => {
  assert.deepEqual(statsArgs([".", "/b"]), ["stats", "--format", "html", ".", "/b"]);
});

test("the webview gets one policy: its nonce for scripts, no inline script without it", () => {
  const n = nonce();
  const html = webviewHtml(report, n);
  const policies = html.match(/http-equiv="Content-Security-Policy"[^>]*/g) ?? [];
  assert.equal(policies.length, 1, html);
  assert.match(policies[0], new RegExp(`script-src 'nonce-${n.replace(/[+/=]/g, "\\$&")}'`));
  assert.doesNotMatch(policies[0], /script-src[^;]*'unsafe-inline'/);
  assert.match(policies[0], /default-src 'none'/);
  assert.ok(html.includes(`<script nonce="${n}">`), html);
  assert.ok(!html.includes("<script>"), "every script carries the nonce");
  assert.ok(html.includes("<text>Xi Jinping</text>"), "the report itself is unchanged");
});

test("nonces differ between renderings", () => {
  assert.notEqual(nonce(), nonce());
});
