// Activation: finds the server, starts the language client, registers the
// commands and forwards setting changes.

import * as fs from "node:fs";
import * as os from "node:os";

import * as vscode from "vscode";
import {
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions as ProcessOptions,
} from "vscode-languageclient/node";

import { needsRestart, readConfig, serverOptions, type NewslsConfig } from "./config";
import { findServer, ServerNotFound, type FoundServer } from "./discovery";
import { showCorpusStats } from "./stats";

const SECTION = "newsls";

let client: LanguageClient | undefined;
let server: FoundServer | undefined;
let output: vscode.LogOutputChannel | undefined;

function config(): NewslsConfig {
  const section = vscode.workspace.getConfiguration(SECTION);
  return readConfig((key, fallback) => section.get(key, fallback));
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function locate(context: vscode.ExtensionContext): FoundServer {
  return findServer({
    configured: config().server.path,
    extensionPath: context.extensionPath,
    platform: process.platform,
    envPath: process.env.PATH,
    isExecutable,
    home: os.homedir(),
  });
}

async function reportMissing(context: vscode.ExtensionContext, error: ServerNotFound): Promise<void> {
  output?.error(`${error.message} Tried: ${error.tried.join(", ")}`);
  const readme = "Open README";
  const settings = "Open Settings";
  const choice = await vscode.window.showErrorMessage(error.message, readme, settings);
  if (choice === readme) {
    // vsce stores the README as readme.md.
    const name = ["README.md", "readme.md"].find((n) => fs.existsSync(`${context.extensionPath}/${n}`));
    const uri = vscode.Uri.joinPath(context.extensionUri, name ?? "README.md");
    await vscode.commands.executeCommand("markdown.showPreview", uri);
  } else if (choice === settings) {
    await vscode.commands.executeCommand("workbench.action.openSettings", "newsls.server.path");
  }
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  try {
    server = locate(context);
  } catch (error) {
    if (error instanceof ServerNotFound) {
      server = undefined;
      await reportMissing(context, error);
      return;
    }
    throw error;
  }
  output?.info(`using ${server.command} (${server.source})`);
  const exec = { command: server.command, args: [] };
  const processes: ProcessOptions = { run: exec, debug: exec };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "plaintext" },
      { scheme: "file", language: "markdown" },
      { scheme: "untitled", language: "plaintext" },
      { scheme: "untitled", language: "markdown" },
      { scheme: "file", pattern: "**/*.ann" },
      { scheme: "file", pattern: "**/newsls.toml" },
    ],
    initializationOptions: serverOptions(config()),
    outputChannel: output,
  };
  client = new LanguageClient(SECTION, "newsls", processes, clientOptions);
  await client.start();
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) {
    await running.stop();
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("newsls", { log: true });
  context.subscriptions.push(output);
  let current = config();

  context.subscriptions.push(
    vscode.commands.registerCommand("newsls.restartServer", async () => {
      await stop();
      await start(context);
    }),
    vscode.commands.registerCommand("newsls.showCorpusStats", async () => {
      let found = server;
      if (!found) {
        try {
          found = server = locate(context);
        } catch (error) {
          if (error instanceof ServerNotFound) {
            await reportMissing(context, error);
            return;
          }
          throw error;
        }
      }
      try {
        await showCorpusStats(found.command);
      } catch (error) {
        void vscode.window.showErrorMessage(`newsls stats failed: ${(error as Error).message}`);
      }
    }),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration(SECTION)) {
        return;
      }
      const next = config();
      const restart = needsRestart(current, next);
      current = next;
      if (restart) {
        await stop();
        await start(context);
      } else if (client?.isRunning()) {
        await client.sendNotification("workspace/didChangeConfiguration", {
          settings: serverOptions(next),
        });
      }
    }),
  );

  await start(context);
}

export async function deactivate(): Promise<void> {
  await stop();
}
