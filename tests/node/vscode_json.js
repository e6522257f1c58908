// Runs JSON documents through VS Code's own JSON language service (npm vscode-json-languageservice),
// with the repository's schemas associated as VS Code's `json.schemas` setting would associate them.
// Input (stdin, JSON): {"schemas": {"<file uri>": "<schema text>"}, "associations": [{"uri", "fileMatch"}] (optional),
//                       "documents": [{"uri", "schema", "text", "hovers": [offset], "completions": [offset]}]}
// With "repeat": N, each document is also validated N more times, and "validation_ms" is the median
// (bench/bench_lsp.py).
// Output (stdout, JSON): {"requests": [uri, ...],
//                         "documents": [{"uri", "diagnostics", "hovers": [markdown], "completions": [[item]]}]}
// The schema request service answers only from "schemas" and records every URI it is asked for, so a
// test sees any attempt to fetch a schema from the network.
'use strict';
const { getLanguageService } = require('vscode-json-languageservice');
const { TextDocument } = require('vscode-languageserver-textdocument');

function readStdin() {
  return new Promise((resolve, reject) => {
    const chunks = [];
    process.stdin.on('data', (chunk) => chunks.push(chunk));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

function hoverText(hover) {
  if (!hover) return null;
  const parts = Array.isArray(hover.contents) ? hover.contents : [hover.contents];
  return parts.map((part) => (typeof part === 'string' ? part : part.value)).join('\n');
}

async function main() {
  const job = JSON.parse(await readStdin());
  const requests = [];
  const service = getLanguageService({
    schemaRequestService: (uri) => {
      requests.push(uri);
      if (Object.prototype.hasOwnProperty.call(job.schemas, uri)) return Promise.resolve(job.schemas[uri]);
      return Promise.reject(`not available offline: ${uri}`);
    },
    workspaceContext: { resolveRelativePath: (relative, resource) => new URL(relative, resource).toString() },
  });
  // VS Code's json.schemas setting, or each document's own schema
  const associations = job.associations || job.documents.map((doc) => ({ uri: doc.schema, fileMatch: [doc.uri] }));
  service.configure({ validate: true, allowComments: false, schemas: associations });
  const out = [];
  for (const doc of job.documents) {
    const textDocument = TextDocument.create(doc.uri, 'json', 1, doc.text);
    const parsed = service.parseJSONDocument(textDocument);
    const diagnostics = await service.doValidation(textDocument, parsed, { schemaValidation: 'error' });
    const hovers = [];
    for (const offset of doc.hovers || []) {
      const hover = await service.doHover(textDocument, textDocument.positionAt(offset), parsed);
      hovers.push(hoverText(hover));
    }
    const completions = [];
    for (const offset of doc.completions || []) {
      const list = await service.doComplete(textDocument, textDocument.positionAt(offset), parsed);
      completions.push((list ? list.items : []).map((item) => ({
        label: item.label,
        kind: item.kind,
        insertText: item.textEdit ? item.textEdit.newText : item.insertText,
        range: item.textEdit ? (item.textEdit.range || item.textEdit.replace) : null,
        documentation: item.documentation === undefined ? null
          : (typeof item.documentation === 'string' ? item.documentation : item.documentation.value),
      })));
    }
    const times = [];
    for (let i = 0; i < (job.repeat || 0); i++) {
      const start = process.hrtime.bigint();
      // as on a keystroke: the document is parsed again, then validated
      const again = TextDocument.create(doc.uri, 'json', i + 2, doc.text);
      await service.doValidation(again, service.parseJSONDocument(again), { schemaValidation: 'error' });
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    times.sort((a, b) => a - b);
    const validation_ms = times.length ? times[Math.floor(times.length / 2)] : null;
    out.push({ uri: doc.uri, diagnostics, hovers, completions, validation_ms });
  }
  process.stdout.write(JSON.stringify({ requests, documents: out }));
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack || error));
  process.exit(1);
});
