// The extension's settings, typed, and the options the server receives
// (`initializationOptions` and `workspace/didChangeConfiguration`). The
// server's side is `ClientOptions` in src/input/settings.rs; a Rust test
// checks that package.json and it describe the same options.

export type Severity = "off" | "hint" | "information" | "warning" | "error";
export type Inherit = "default";
export type TraceLevel = "off" | "messages" | "verbose";
export type Run = "onType" | "onSave";

export interface NewslsConfig {
  server: { path: string };
  trace: { server: TraceLevel };
  language: { default: Inherit | "auto" | "fr" | "en" };
  diagnostics: {
    unattributedClaim: Severity | Inherit;
    vagueSource: Severity | Inherit;
    unattributedQuote: Severity | Inherit;
    unbalancedQuote: Severity | Inherit;
    annMismatch: Severity | Inherit;
    configError: Severity | Inherit;
    documentTooLarge: Severity | Inherit;
    run: Run | Inherit;
    delayMs: number | null;
    maxDocumentBytes: number | null;
  };
  outline: { groupBy: "speaker" | "none" };
}

/** Reads one setting (a `WorkspaceConfiguration.get` in the extension). */
export type Getter = <T>(key: string, fallback: T) => T;

const SEVERITY_KEYS = [
  "unattributedClaim",
  "vagueSource",
  "unattributedQuote",
  "unbalancedQuote",
  "annMismatch",
  "configError",
  "documentTooLarge",
] as const;

export function readConfig(get: Getter): NewslsConfig {
  const diagnostics = {} as NewslsConfig["diagnostics"];
  for (const key of SEVERITY_KEYS) {
    diagnostics[key] = get<Severity | Inherit>(`diagnostics.${key}`, "default");
  }
  diagnostics.run = get<Run | Inherit>("diagnostics.run", "default");
  diagnostics.delayMs = get<number | null>("diagnostics.delayMs", null);
  diagnostics.maxDocumentBytes = get<number | null>("diagnostics.maxDocumentBytes", null);
  return {
    server: { path: get<string>("server.path", "") },
    trace: { server: get<TraceLevel>("trace.server", "off") },
    language: { default: get<NewslsConfig["language"]["default"]>("language.default", "default") },
    diagnostics,
    outline: { groupBy: get<"speaker" | "none">("outline.groupBy", "speaker") },
  };
}

/** What the server is sent: only the values the user chose. The server
 * puts newsls.toml on top of them (a key the file sets wins), and
 * decides everything left at "default" from the file or its defaults. */
export interface ServerOptions {
  language?: { default: string };
  diagnostics?: Partial<Record<(typeof SEVERITY_KEYS)[number], Severity>> & {
    run?: Run;
    delayMs?: number;
    maxDocumentBytes?: number;
  };
  outline?: { groupBy: string };
}

export function serverOptions(config: NewslsConfig): ServerOptions {
  const options: ServerOptions = {};
  if (config.language.default !== "default") {
    options.language = { default: config.language.default };
  }
  const diagnostics: NonNullable<ServerOptions["diagnostics"]> = {};
  for (const key of SEVERITY_KEYS) {
    const value = config.diagnostics[key];
    if (value !== "default") {
      diagnostics[key] = value;
    }
  }
  if (config.diagnostics.run !== "default") {
    diagnostics.run = config.diagnostics.run;
  }
  if (typeof config.diagnostics.delayMs === "number" && config.diagnostics.delayMs >= 0) {
    diagnostics.delayMs = Math.floor(config.diagnostics.delayMs);
  }
  const maxBytes = config.diagnostics.maxDocumentBytes;
  if (typeof maxBytes === "number" && maxBytes >= 0) {
    diagnostics.maxDocumentBytes = Math.floor(maxBytes);
  }
  if (Object.keys(diagnostics).length > 0) {
    options.diagnostics = diagnostics;
  }
  options.outline = { groupBy: config.outline.groupBy };
  return options;
}

/** True when a change of these settings needs a new server process. */
export function needsRestart(before: NewslsConfig, after: NewslsConfig): boolean {
  return before.server.path !== after.server.path;
}
