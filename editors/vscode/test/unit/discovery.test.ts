import assert from "node:assert/strict";
import { test } from "node:test";

import { bundledPath, findServer, ServerNotFound, type DiscoveryInput } from "../../src/discovery";

function input(executables: string[], over: Partial<DiscoveryInput> = {}): DiscoveryInput {
  return {
    configured: "",
    extensionPath: "/ext",
    platform: "linux",
    envPath: "/usr/local/bin:/usr/bin",
    isExecutable: (f) => executables.includes(f),
    home: "/home/ana",
    ...over,
  };
}

test("the setting wins over the bundled binary and PATH", () => {
  const found = findServer(
    input(["/opt/newsls", "/ext/server/newsls", "/usr/bin/newsls"], { configured: "/opt/newsls" }),
  );
  assert.deepEqual(found, { command: "/opt/newsls", source: "setting" });
});

test("a setting starting with ~ is expanded", () => {
  const found = findServer(input(["/home/ana/bin/newsls"], { configured: "~/bin/newsls" }));
  assert.equal(found.command, "/home/ana/bin/newsls");
});

test("a broken setting is an error, not a silent fallback", () => {
  assert.throws(
    () => findServer(input(["/ext/server/newsls"], { configured: "/nope/newsls" })),
    (e: unknown) => e instanceof ServerNotFound && /newsls.server.path/.test(e.message),
  );
});

test("the bundled binary comes before PATH", () => {
  const found = findServer(input(["/ext/server/newsls", "/usr/bin/newsls"]));
  assert.deepEqual(found, { command: "/ext/server/newsls", source: "bundled" });
});

test("PATH is searched in order", () => {
  const found = findServer(input(["/usr/bin/newsls"]));
  assert.deepEqual(found, { command: "/usr/bin/newsls", source: "path" });
});

test("Windows looks for newsls.exe and splits PATH on ;", () => {
  assert.equal(bundledPath("C:\\ext", "win32").endsWith("newsls.exe"), true);
  const found = findServer(
    input(["C:\\tools/newsls.exe"], { platform: "win32", envPath: "C:\\tools;C:\\other" }),
  );
  assert.equal(found.source, "path");
});

test("nothing found: an error listing every place tried", () => {
  try {
    findServer(input([]));
    assert.fail("expected ServerNotFound");
  } catch (e) {
    assert.ok(e instanceof ServerNotFound);
    assert.match(e.message, /not found/);
    assert.deepEqual(e.tried, ["/ext/server/newsls", "/usr/local/bin/newsls", "/usr/bin/newsls"]);
  }
});

test("a folder listed twice in PATH is tried and reported once", () => {
  try {
    findServer(input([], { envPath: "/usr/local/bin:/usr/bin:/usr/local/bin:/usr/bin/::/bin" }));
    assert.fail("expected ServerNotFound");
  } catch (e) {
    assert.ok(e instanceof ServerNotFound);
    assert.deepEqual(e.tried, [
      "/ext/server/newsls",
      "/usr/local/bin/newsls",
      "/usr/bin/newsls",
      "/bin/newsls",
    ]);
  }
});
