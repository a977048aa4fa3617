import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { test } from "node:test";

import { needsRestart, readConfig, serverOptions, type Getter } from "../../src/config";

interface Property {
  default: unknown;
  enum?: unknown[];
}

const manifest = JSON.parse(
  readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8"),
) as { contributes: { configuration: { properties: Record<string, Property> } } };
const properties = manifest.contributes.configuration.properties;

/** A getter answering from a map, recording the keys and fallbacks asked. */
function getter(values: Record<string, unknown>, asked?: Map<string, unknown>): Getter {
  return <T>(key: string, fallback: T): T => {
    asked?.set(key, fallback);
    return (key in values ? values[key] : fallback) as T;
  };
}

test("every contributed setting is read, with package.json's default as fallback", () => {
  const asked = new Map<string, unknown>();
  readConfig(getter({}, asked));
  const contributed = Object.keys(properties).map((k) => k.replace(/^newsls\./, ""));
  assert.deepEqual([...asked.keys()].sort(), contributed.sort());
  for (const [key, fallback] of asked) {
    assert.deepEqual(fallback, properties[`newsls.${key}`].default, key);
  }
});

test("settings left at default are not sent, so newsls.toml or the defaults decide", () => {
  const options = serverOptions(readConfig(getter({})));
  assert.deepEqual(options, { outline: { groupBy: "speaker" } });
});

test("chosen settings reach the server in its camelCase shape", () => {
  const config = readConfig(
    getter({
      "language.default": "fr",
      "diagnostics.vagueSource": "off",
      "diagnostics.unbalancedQuote": "warning",
      "diagnostics.delayMs": 120.7,
      "diagnostics.run": "onSave",
      "diagnostics.maxDocumentBytes": 1000000,
      "outline.groupBy": "none",
      "server.path": "/opt/newsls",
    }),
  );
  assert.deepEqual(serverOptions(config), {
    language: { default: "fr" },
    diagnostics: {
      vagueSource: "off",
      unbalancedQuote: "warning",
      run: "onSave",
      delayMs: 120,
      maxDocumentBytes: 1000000,
    },
    outline: { groupBy: "none" },
  });
});

test("every severity choice is one the server knows", () => {
  const severities = ["default", "off", "hint", "information", "warning", "error"];
  for (const [key, property] of Object.entries(properties)) {
    const notSeverities = ["delayMs", "run", "maxDocumentBytes"].map((k) => `newsls.diagnostics.${k}`);
    if (key.startsWith("newsls.diagnostics.") && !notSeverities.includes(key)) {
      assert.deepEqual(property.enum, severities, key);
    }
  }
});

test("only a new server path restarts the server", () => {
  const before = readConfig(getter({}));
  assert.equal(needsRestart(before, readConfig(getter({ "diagnostics.vagueSource": "off" }))), false);
  assert.equal(needsRestart(before, readConfig(getter({ "server.path": "/x" }))), true);
});
