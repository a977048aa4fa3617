// Where the newsls binary is: the `newsls.server.path` setting, then the
// binary bundled in the extension, then `newsls` on PATH. Pure: the file
// system and environment come in as arguments, so it is unit-tested
// without VS Code.

import * as path from "node:path";

export type ServerSource = "setting" | "bundled" | "path";

export interface FoundServer {
  command: string;
  source: ServerSource;
}

export interface DiscoveryInput {
  /** Value of `newsls.server.path` ("" when unset). */
  configured: string;
  /** Root folder of the installed extension. */
  extensionPath: string;
  platform: NodeJS.Platform;
  /** The PATH environment variable. */
  envPath: string | undefined;
  /** True when `file` exists and can be executed. */
  isExecutable: (file: string) => boolean;
  /** Expands `~` at the start of a configured path. */
  home?: string;
}

export class ServerNotFound extends Error {
  constructor(
    message: string,
    readonly tried: string[],
  ) {
    super(message);
    this.name = "ServerNotFound";
  }
}

export function binaryName(platform: NodeJS.Platform): string {
  return platform === "win32" ? "newsls.exe" : "newsls";
}

/** Path of the binary a packaged extension carries. */
export function bundledPath(extensionPath: string, platform: NodeJS.Platform): string {
  return path.join(extensionPath, "server", binaryName(platform));
}

export function findServer(input: DiscoveryInput): FoundServer {
  const tried: string[] = [];
  const configured = input.configured.trim();
  if (configured !== "") {
    const expanded =
      input.home && (configured === "~" || configured.startsWith("~/"))
        ? path.join(input.home, configured.slice(1))
        : configured;
    if (input.isExecutable(expanded)) {
      return { command: expanded, source: "setting" };
    }
    // An explicit setting that does not work is an error, never silently
    // replaced by another binary.
    throw new ServerNotFound(
      `newsls.server.path is set to "${configured}", which is not an executable file.`,
      [expanded],
    );
  }
  const bundled = bundledPath(input.extensionPath, input.platform);
  tried.push(bundled);
  if (input.isExecutable(bundled)) {
    return { command: bundled, source: "bundled" };
  }
  const separator = input.platform === "win32" ? ";" : ":";
  const name = binaryName(input.platform);
  for (const dir of (input.envPath ?? "").split(separator)) {
    if (dir === "") {
      continue;
    }
    const candidate = path.join(dir, name);
    // PATH often lists a folder twice (or as `/usr/bin` and `/usr/bin/`):
    // each place is tried, and reported, once.
    if (tried.includes(candidate)) {
      continue;
    }
    tried.push(candidate);
    if (input.isExecutable(candidate)) {
      return { command: candidate, source: "path" };
    }
  }
  throw new ServerNotFound(
    "The newsls binary was not found: set newsls.server.path, or install newsls on your PATH (cargo install --path . in the newsls repository).",
    tried,
  );
}
