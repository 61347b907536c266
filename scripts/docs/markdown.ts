/** Small helpers for writing generated markdown pages that VitePress renders as written. */

/** Text inside a table cell: no pipe or line break can end the cell, no HTML or Vue syntax runs. */
export function cell(text: string): string {
  return escapeHtml(text).replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\{\{/g, '&#123;&#123;');
}

/** Inline code that survives backticks inside. */
export function code(text: string): string {
  const fence = text.includes('`') ? '`` ' : '`';
  return `${fence}${text}${fence.split('').reverse().join('')}`;
}

/** A fenced block; the fence is longer than any backtick run inside. */
export function block(text: string, lang = 'text'): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${text}\n${fence}`;
}

export function table(head: string[], rows: string[][]): string {
  if (rows.length === 0) return '_None._';
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

/**
 * A generated page: front matter with the title, a note that it is generated, and the body inside
 * `::: v-pre` so `{{variable}}` in templates is shown, not evaluated by Vue.
 */
export function page(title: string, body: string, source: string): string {
  return [
    '---',
    `title: ${JSON.stringify(title)}`,
    'editLink: false',
    '---',
    '',
    '::: v-pre',
    '',
    body.trim(),
    '',
    ':::',
    '',
    `<p class="generated-note">Generated from <code>${escapeHtml(source)}</code> by <code>npm run docs:build</code>; edit the data, not this page.</p>`,
    '',
  ].join('\n');
}

/** A file name for an id: `/` becomes a folder (templates), anything else unsafe becomes `_`. */
export function slug(id: string): string {
  return id.replace(/[^A-Za-z0-9._/-]/g, '_');
}
