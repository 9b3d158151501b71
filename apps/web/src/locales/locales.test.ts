import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { ja } from './ja.ts';

/** Every leaf of a catalogue as `path.to.key` → text. */
function leaves(messages: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else if (value && typeof value === 'object') {
      for (const [p, text] of leaves(value, path)) out.set(p, text);
    } else throw new Error(`${path} is neither text nor a group`);
  }
  return out;
}

/** The {{placeholders}} a text fills in, without their formats (`{{count, number}}`). */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([^}\s,]+)[^}]*\}\}/g)].map((m) => m[1]!).sort();
}

/** `count_one` and `count_other` are one message in two plural forms (lib/translate.ts). */
const messageOf = (path: string) => path.replace(/_(zero|one|two|few|many|other)$/, '');

describe('the Japanese and English catalogues', () => {
  const japanese = leaves(ja);
  const english = leaves(en);

  it('hold the same messages', () => {
    // Japanese has one plural form where English has two: compare the messages, not the forms.
    const names = (catalogue: Map<string, string>) =>
      [...new Set([...catalogue.keys()].map(messageOf))].sort();
    expect(names(english)).toEqual(names(japanese));
    expect(japanese.size).toBeGreaterThan(500);
  });

  it('leave no message empty', () => {
    const empty = [...japanese, ...english].filter(([, text]) => text.trim() === '');
    expect(empty).toEqual([]);
  });

  it('fill in the same facts in both languages', () => {
    const differing: string[] = [];
    const byMessage = (catalogue: Map<string, string>) => {
      const out = new Map<string, Set<string>>();
      for (const [path, text] of catalogue) {
        const set = out.get(messageOf(path)) ?? new Set<string>();
        for (const name of placeholders(text)) set.add(name);
        out.set(messageOf(path), set);
      }
      return out;
    };
    const englishFacts = byMessage(english);
    for (const [message, facts] of byMessage(japanese)) {
      const other = englishFacts.get(message) ?? new Set();
      // `count` may be implied by the plural form chosen, so it need not be written in both.
      const a = [...facts].filter((f) => f !== 'count').sort();
      const b = [...other].filter((f) => f !== 'count').sort();
      if (a.join() !== b.join()) differing.push(`${message}: ja {${a}} en {${b}}`);
    }
    expect(differing).toEqual([]);
  });
});
