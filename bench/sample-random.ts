/**
 * What the generated exports of the benches and scripts share: a seeded generator (mulberry32), so
 * every run reads the same file, and the agent names they write.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SAMPLE_AGENTS: readonly string[] = [
  '小雨',
  '阿杰',
  '晓晴',
  '木子',
  '小北',
  '安安',
  '橙子',
  'Lily',
  'Kevin',
  '七七',
  '小鹿',
  '大伟',
];
