// "newsls: Show Corpus Stats": runs `newsls stats --format markdown` on the
// workspace folders and shows the report, rendered as Markdown, in a
// webview beside the editor.

import { execFile } from "node:child_process";

import * as vscode from "vscode";

/** Arguments of the stats run over these folders. */
export function statsArgs(folders: string[]): string[] {
  return ["stats", "--format", "markdown", ...folders];
}

function run(command: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(stderr.trim() || error.message));
      } else {
        resolve(stdout);
      }
    });
  });
}

export async function showCorpusStats(command: string): Promise<void> {
  const folders = (vscode.workspace.workspaceFolders ?? [])
    .filter((f) => f.uri.scheme === "file")
    .map((f) => f.uri.fsPath);
  if (folders.length === 0) {
    void vscode.window.showWarningMessage("newsls: open a folder to see its corpus stats.");
    return;
  }
  // Paths in the report are relative to the first folder.
  const [first, ...others] = folders;
  const report = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: "newsls: computing corpus stats…" },
    () => run(command, statsArgs([".", ...others]), first),
  );
  const panel = vscode.window.createWebviewPanel(
    "newsls.stats",
    "newsls corpus stats",
    vscode.ViewColumn.Beside,
    { enableScripts: false },
  );
  panel.webview.html = page(await render(report));
}

/** HTML of the report, through VS Code's own Markdown renderer. */
async function render(markdown: string): Promise<string> {
  try {
    const html = await vscode.commands.executeCommand<string>("markdown.api.render", markdown);
    if (typeof html === "string") {
      return html;
    }
  } catch {
    // The built-in Markdown extension is disabled: show the source.
  }
  const escaped = markdown.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return `<pre>${escaped}</pre>`;
}

function page(body: string): string {
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';">
<style>
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1.5em; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border-bottom: 1px solid var(--vscode-panel-border); padding: 0.3em 0.8em; text-align: left; }
th { font-weight: 600; }
</style></head>
<body>${body}</body></html>`;
}
