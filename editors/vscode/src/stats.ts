// "newsls: Show Corpus Stats": runs `newsls stats --format html` on the
// workspace folders and shows the report (charts and sortable tables) in
// a webview beside the editor.

import { execFile } from "node:child_process";

import * as vscode from "vscode";

import { nonce, statsArgs, webviewHtml } from "./report";

function run(command: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
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
    // The report's one script sorts its tables; it loads nothing.
    { enableScripts: true, localResourceRoots: [] },
  );
  panel.webview.html = webviewHtml(report, nonce());
}
