// SARIF 2.1.0 for code-scanning tools: one run, a rule per diagnostic code, a result per diagnostic.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Severity } from '../../diagnostics.js';
import { ruleText } from '../../rules/engine.js';
import { allProfiles } from '../../profiles/index.js';
import { basesOf, basisOf } from '../../model/wording.js';
import { RULES } from '../../rules/registry.js';
import { docsUri, type Reporter } from './context.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export const sarifReporter: Reporter = (result, { toolVersion, lang, root = process.cwd() }) => {
  // paths inside the root are given relative to %SRCROOT%, as code-scanning tools map them onto the
  // repository; a path outside it stays absolute
  const base = resolve(root);
  const artifact = (file: string) => {
    const inside = relative(base, resolve(file));
    return inside && !inside.startsWith('..') && !isAbsolute(inside)
      ? { uri: inside.split(sep).join('/'), uriBaseId: '%SRCROOT%' }
      : { uri: pathToFileURL(resolve(file)).href };
  };
  const codes = [...new Set(result.diagnostics.map((d) => d.code))].sort();
  // the rules are described in the filings' words and legal text when they share one profile
  const used = [...new Set(result.results.map((r) => r.profile).filter((p) => p !== undefined))];
  const profile = used.length === 1 ? used[0] : undefined;
  const basis = (rule: (typeof RULES)[number]) => (profile ? basisOf(rule, profile) : basesOf(rule, allProfiles()));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'taisei',
            version: toolVersion,
            ...(docsUri('diagnostics.md') ? { informationUri: docsUri('diagnostics.md') } : {}),
            rules: codes.map((id) => {
              const example = result.diagnostics.find((d) => d.code === id)!;
              const rule = RULES.find((r) => r.id === id);
              if (rule) {
                // a filing rule: its own documentation, as `taisei rules explain` gives it
                const why = ruleText(lang, id, 'why', {}, profile);
                const fix = ruleText(lang, id, 'fix', {}, profile);
                return {
                  id,
                  shortDescription: { text: ruleText(lang, id, 'title', {}, profile) },
                  fullDescription: { text: why },
                  ...(docsUri('rules.md', id) ? { helpUri: docsUri('rules.md', id) } : {}),
                  help: {
                    text: `${why}\n${fix}`,
                    markdown: `${why}\n\n**${basis(rule)}**\n\n${fix}\n\n\`\`\`yaml\n${ruleText(lang, id, 'example', {}, profile)}\n\`\`\``,
                  },
                  defaultConfiguration: { level: LEVEL[rule.severity] },
                  properties: { basis: basis(rule) },
                };
              }
              return {
                id,
                shortDescription: { text: id },
                ...(docsUri('diagnostics.md', id) ? { helpUri: docsUri('diagnostics.md', id) } : {}),
                help: { text: example.hint ?? example.message },
                defaultConfiguration: { level: LEVEL[example.severity] },
              };
            }),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(base + sep).href } },
        language: lang === 'ja' ? 'ja-JP' : 'en-US',
        columnKind: 'utf16CodeUnits',
        results: result.diagnostics.map((d) => ({
          ruleId: d.code,
          ruleIndex: codes.indexOf(d.code),
          level: LEVEL[d.severity],
          message: { text: d.hint ? `${d.message}\n${d.hint}` : d.message },
          ...(d.file
            ? {
                locations: [
                  {
                    // a workbook's cell: its row and column as the region, its sheet!cell as a logical location
                    ...(d.cell ? { logicalLocations: [{ name: d.cell, kind: 'element' }] } : {}),
                    physicalLocation: {
                      artifactLocation: artifact(d.file),
                      ...(d.line
                        ? {
                            region: {
                              startLine: d.line,
                              startColumn: d.column ?? 1,
                              ...(d.endLine ? { endLine: d.endLine, endColumn: d.endColumn } : {}),
                            },
                          }
                        : {}),
                    },
                  },
                ],
              }
            : {}),
          ...(d.related?.length
            ? {
                relatedLocations: d.related
                  .filter((r) => r.file)
                  .map((r, id) => ({
                    id,
                    message: { text: r.message },
                    physicalLocation: {
                      artifactLocation: artifact(r.file!),
                      ...(r.line ? { region: { startLine: r.line, startColumn: r.column ?? 1 } } : {}),
                    },
                  })),
              }
            : {}),
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
};
