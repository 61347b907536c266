/**
 * The skeleton language of the corpus grammar.
 *
 *   plain text          copied as is (placeholders such as [订单x] are plain text)
 *   (a|b|)              one alternative, picked uniformly; an empty alternative makes it optional
 *   {slot}              a value of a shared slot list; the same {slot} twice in one utterance is
 *                       the same value
 *   {slot#2}            a second, different value of the same list
 *   {record.field}      a field of a record slot (e.g. {item.name}, {item.fault}); every field of
 *                       {item…} in one utterance comes from the same record
 *   {#3-15}             an integer in the range
 *   \( \) \| \{ \}      literal characters
 *
 * Slot values are templates themselves, so lists can nest.
 */
import type { Random } from './random.js';

export type TemplateNode =
  | { kind: 'text'; text: string }
  | { kind: 'slot'; name: string; bind: string; field: string | null }
  | { kind: 'int'; min: number; max: number }
  | { kind: 'alt'; options: TemplateNode[][] };

export class TemplateSyntaxError extends Error {
  constructor(
    message: string,
    readonly source: string,
    readonly position: number,
  ) {
    super(`${message} at character ${position} of "${source}"`);
  }
}

const SLOT = /^(?:([a-z_][a-z0-9_]*)(?:#([0-9]+))?(?:\.([a-z_][a-z0-9_]*))?|#([0-9]+)-([0-9]+))$/;

export function parseTemplate(source: string): TemplateNode[] {
  let i = 0;
  const parseSequence = (depth: number): { nodes: TemplateNode[]; stop: '|' | ')' | 'end' } => {
    const nodes: TemplateNode[] = [];
    let text = '';
    const flush = (): void => {
      if (text !== '') nodes.push({ kind: 'text', text });
      text = '';
    };
    while (i < source.length) {
      const ch = source[i] as string;
      if (ch === '\\') {
        const next = source[i + 1];
        if (next === undefined || !'()|{}\\'.includes(next))
          throw new TemplateSyntaxError('"\\" must escape one of ( ) | { } \\', source, i);
        text += next;
        i += 2;
      } else if (ch === '(') {
        flush();
        const start = i;
        i++;
        const options: TemplateNode[][] = [];
        for (;;) {
          const part = parseSequence(depth + 1);
          options.push(part.nodes);
          if (part.stop === ')') break;
          if (part.stop === 'end') throw new TemplateSyntaxError('unclosed "("', source, start);
        }
        if (options.length < 2)
          throw new TemplateSyntaxError(
            'a group needs at least two alternatives, e.g. (a|b) or (a|)',
            source,
            start,
          );
        nodes.push({ kind: 'alt', options });
      } else if (ch === '|' || ch === ')') {
        if (depth === 0) throw new TemplateSyntaxError(`"${ch}" outside a group`, source, i);
        flush();
        i++;
        return { nodes, stop: ch };
      } else if (ch === '{') {
        flush();
        const end = source.indexOf('}', i);
        if (end < 0) throw new TemplateSyntaxError('unclosed "{"', source, i);
        const body = source.slice(i + 1, end);
        const m = SLOT.exec(body);
        if (!m) throw new TemplateSyntaxError(`bad slot "{${body}}"`, source, i);
        if (m[4] !== undefined) {
          const min = Number(m[4]);
          const max = Number(m[5]);
          if (min > max) throw new TemplateSyntaxError(`empty range "{${body}}"`, source, i);
          nodes.push({ kind: 'int', min, max });
        } else {
          const name = m[1] as string;
          nodes.push({ kind: 'slot', name, bind: m[2] ? `${name}#${m[2]}` : name, field: m[3] ?? null });
        }
        i = end + 1;
      } else if (ch === '}') {
        throw new TemplateSyntaxError('"}" without "{"', source, i);
      } else {
        text += ch;
        i++;
      }
    }
    flush();
    return { nodes, stop: 'end' };
  };
  const result = parseSequence(0);
  return result.nodes;
}

/** Every slot a template refers to, e.g. `item.name`, `courier`. */
export function slotReferences(
  nodes: readonly TemplateNode[],
): Array<{ name: string; field: string | null }> {
  const out: Array<{ name: string; field: string | null }> = [];
  const walk = (list: readonly TemplateNode[]): void => {
    for (const node of list) {
      if (node.kind === 'slot') out.push({ name: node.name, field: node.field });
      else if (node.kind === 'alt') node.options.forEach(walk);
    }
  };
  walk(nodes);
  return out;
}

/** Parsed slot data of one locale. */
export interface SlotTable {
  lists: ReadonlyMap<string, readonly TemplateNode[][]>;
  records: ReadonlyMap<string, ReadonlyArray<ReadonlyMap<string, readonly TemplateNode[][]>>>;
}

/** Values bound in one utterance: list slots by their expanded text, records by index. */
export type Bindings = Map<string, string | number>;

const MAX_DEPTH = 12;

export class Expander {
  constructor(
    private readonly table: SlotTable,
    private readonly random: Random,
  ) {}

  expand(nodes: readonly TemplateNode[], bindings: Bindings = new Map(), depth = 0): string {
    if (depth > MAX_DEPTH)
      throw new Error(`slot nesting deeper than ${MAX_DEPTH} (a slot refers to itself?)`);
    let out = '';
    for (const node of nodes) {
      switch (node.kind) {
        case 'text':
          out += node.text;
          break;
        case 'int':
          out += String(this.random.int(node.min, node.max));
          break;
        case 'alt':
          out += this.expand(this.random.pick(node.options), bindings, depth + 1);
          break;
        case 'slot':
          out += node.field === null ? this.list(node, bindings, depth) : this.record(node, bindings, depth);
          break;
      }
    }
    return out;
  }

  private list(node: { name: string; bind: string }, bindings: Bindings, depth: number): string {
    const bound = bindings.get(node.bind);
    if (typeof bound === 'string') return bound;
    const values = this.table.lists.get(node.name);
    if (!values) throw new Error(`unknown slot {${node.name}}`);
    const taken = this.takenValues(node.name, node.bind, bindings);
    let value = '';
    for (let attempt = 0; attempt < 8; attempt++) {
      value = this.expand(this.random.pick(values), bindings, depth + 1);
      if (!taken.has(value)) break;
    }
    bindings.set(node.bind, value);
    return value;
  }

  private record(
    node: { name: string; bind: string; field: string | null },
    bindings: Bindings,
    depth: number,
  ): string {
    const records = this.table.records.get(node.name);
    if (!records) throw new Error(`unknown record slot {${node.name}}`);
    let index = bindings.get(node.bind);
    if (typeof index !== 'number') {
      const taken = this.takenValues(node.name, node.bind, bindings);
      let pick = 0;
      for (let attempt = 0; attempt < 8; attempt++) {
        pick = this.random.int(0, records.length - 1);
        if (!taken.has(pick)) break;
      }
      index = pick;
      bindings.set(node.bind, index);
    }
    const options = records[index]?.get(node.field as string);
    if (!options) throw new Error(`record {${node.name}} #${index} has no field "${node.field}"`);
    return this.expand(this.random.pick(options), bindings, depth + 1);
  }

  /** Values already bound to other bindings of the same slot (`color` when binding `color#2`). */
  private takenValues(name: string, bind: string, bindings: Bindings): Set<string | number> {
    const taken = new Set<string | number>();
    for (const [key, value] of bindings)
      if (key !== bind && (key === name || key.startsWith(`${name}#`))) taken.add(value);
    return taken;
  }
}
