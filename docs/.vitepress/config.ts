import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type DefaultTheme } from 'vitepress';
import { DOCS_BASE_URL } from '../../src/lint/docs.js';

/** The reference pages' sidebar, written by scripts/docs/generate.ts. */
const generated = fileURLToPath(new URL('./generated/sidebar.json', import.meta.url));
const reference = (existsSync(generated) ? JSON.parse(readFileSync(generated, 'utf8')) : {}) as Record<
  string,
  DefaultTheme.SidebarItem[]
>;
const section = (text: string, key: string, index: string): DefaultTheme.SidebarItem => ({
  text,
  link: index,
  collapsed: true,
  items: reference[key] ?? [],
});

const guides: DefaultTheme.SidebarItem[] = [
  {
    text: 'Jobs',
    items: [
      { text: 'Answer a customer', link: '/guide/answer-a-customer' },
      { text: 'Check a draft', link: '/guide/check-a-draft' },
      { text: 'Score conversations', link: '/guide/score-conversations' },
    ],
  },
  {
    text: 'Set up',
    items: [
      { text: 'Install', link: '/guide/install' },
      { text: 'Configuration and packs', link: '/guide/configuration' },
      { text: 'CLI', link: '/guide/cli' },
      { text: 'The QA scorecard', link: '/guide/qa-scorecard' },
      { text: 'Scaling out with Redis', link: '/guide/redis' },
      { text: 'Playground', link: '/guide/playground' },
    ],
  },
  {
    text: 'How it works',
    items: [
      { text: 'Normalisation and language', link: '/guide/text' },
      { text: 'Intents', link: '/guide/intents' },
      { text: 'Signals, entities and risk', link: '/guide/signals' },
      { text: 'Reply templates', link: '/guide/templates' },
      { text: 'Linting replies', link: '/guide/linting' },
      { text: 'Next actions and full replies', link: '/guide/actions' },
      { text: 'Measuring: eval and replay', link: '/guide/measuring' },
    ],
  },
  {
    text: 'Facts',
    items: [
      { text: 'Reliability guarantees', link: '/guide/reliability' },
      { text: 'Performance', link: '/guide/performance' },
      { text: 'Entry points and errors', link: '/guide/packaging' },
      { text: 'Development', link: '/guide/development' },
    ],
  },
];

/**
 * The site is built as plain pages (`mpa`: no client router, no JavaScript needed), with the
 * published path as base; scripts/docs/build.ts then makes every link relative so the same
 * docs/dist works from file:// and from any static host or sub-path.
 */
export default defineConfig({
  title: 'huashu 话术',
  description:
    'E-commerce customer-service scripts: intents, signals, standard phrasing, next actions and reply linting.',
  lang: 'en',
  base: new URL(DOCS_BASE_URL).pathname,
  outDir: 'dist',
  cacheDir: '.vitepress/cache',
  mpa: true,
  cleanUrls: false,
  lastUpdated: false,
  // A dead link fails the build. The playground is copied in after VitePress (scripts/docs/build.ts);
  // the link checker over docs/dist (test/docs/site.test.ts) checks that link.
  ignoreDeadLinks: [/playground\/index/],
  srcExclude: ['dist/**', 'README.md'],
  sitemap: { hostname: DOCS_BASE_URL },
  markdown: {
    theme: { light: 'github-light', dark: 'github-dark' },
    // Inline code is shown as written: `{{customer.name}}` in a guide is template syntax, not Vue.
    config(md) {
      const render = md.renderer.rules.code_inline!;
      md.renderer.rules.code_inline = (...args) => render(...args).replace(/^<code/, '<code v-pre');
    },
  },
  themeConfig: {
    nav: [
      { text: 'Guides', link: '/guide/answer-a-customer' },
      { text: 'Rules', link: '/rules/' },
      { text: 'Templates', link: '/templates/' },
      { text: 'Actions', link: '/actions/' },
      { text: 'Intents', link: '/intents/' },
      { text: 'API', link: '/api/' },
    ],
    sidebar: {
      '/guide/': guides,
      '/rules/': [section('Lint rules', 'rules', '/rules/')],
      '/templates/': [section('Templates', 'templates', '/templates/')],
      '/actions/': [section('Next actions', 'actions', '/actions/')],
      '/intents/': [section('Intents', 'intents', '/intents/')],
    },
    socialLinks: [{ icon: 'github', link: 'https://github.com/huashu-dev/huashu' }],
    outline: { level: [2, 3] },
  },
});
