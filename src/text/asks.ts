/**
 * Whether a customer's message may ask or request something — what a reply saying "that is
 * outside our business" presupposes. It asks nothing when it is only filler: punctuation, emoji or
 * a sticker, laughter (哈哈, lol), hesitation (那个, 嗯, um), waiting (稍等, 等一下, one sec),
 * thinking it over (我看看, 考虑一下, let me think), being away (我先去吃个饭, 在开车, 信号不好), a
 * slip (点错了, 发错人了, wrong chat, oops) or a test (测试, test). Anything else may ask: the filler kinds are a closed class, requests are not
 * ("create pro account", 注销账号 ask without a question word). Read on folded text (simplified,
 * lower case, half-width: see `normalize`), so traditional and full-width writing match too.
 */
const FILLER_PIECES = [
  // laughter
  '(?:哈|呵|嘿|嘻|ㄏ)+',
  '\\b(?:(?:ha)+h?|(?:he)+|lol|lmao|xd|hh+)\\b',
  // hesitation and particles
  '那个|那啥|额|呃|嗯|哦|噢|啊|欸|诶|哎呀|哎|唉|呀|啦|吧|了|蛤',
  '\\b(?:u+m+|u+h+|h+m+|erm|er|oh|ah|so)\\b',
  // away for a moment: eating, driving, busy, a bad connection (the agent should just wait);
  // before waiting, so 等会说 is read whole
  '我?(?:现在|正在|在)?(?:先|要)?去?(?:吃(?:个|口)?饭|洗(?:个)?澡|开会|上班|下班|睡觉|开车|忙|有事|出门)(?:了|呢|中|一下|先)*',
  '(?:手机|网络)?信号不好|没信号|网(?:络)?不好|(?:等会儿?|晚点|回头)(?:再)?(?:说|聊|联系)',
  "\\b(?:(?:i(?:'m| am) )?(?:driving|busy|in a meeting)|bad (?:signal|connection)|talk later|ttyl)\\b",
  // waiting
  '请?稍等|等等|等下|等一下|等会儿|等会|等我|等阵|一下|马上',
  '\\b(?:one sec|one moment|just a sec|a sec|brb|wait|hold on)\\b',
  // thinking it over, looking around
  '我?(?:先|再|就)?(?:看看|看一下|想想|想一下|考虑一下|考虑考虑|考虑看看|逛逛|谂下先|谂下)',
  '我?就?随便(?:看看|逛逛)|容我|(?:回头|晚点|等会儿?|下次)?再说|下次',
  '\\b(?:let me (?:think|see|check)|just (?:looking|browsing)|thinking)\\b',
  // a slip
  '(?:刚刚|刚才)?(?:点|按|打|发|传)错(?:字|人)?了?|手滑|撤回了|当我没说|没事|不好意思',
  '\\b(?:oops|sorry|wrong chat|my bad|nvm|never mind|my kid)\\b',
  // a test
  '测试|\\btest(?:ing)?\\b',
  // stickers and voice messages an export writes as words
  '\\[(?:表情|语音|捂脸|流泪)\\]',
];
const FILLER = new RegExp(FILLER_PIECES.join('|'), 'gu');
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Whether `folded` holds nothing but filler: no letter or digit is left once the filler is taken out. */
function onlyFiller(folded: string): boolean {
  return !LETTER_OR_DIGIT.test(folded.replace(FILLER, ''));
}

/** How long a message the other closed-class readers read: longer ones say more than their class. */
const CLOSED_CLASS_MAX_LENGTH = 60;

/**
 * The other closed-class readers (not-understood.ts, wishes.ts): whether the short folded message
 * holds `found` (a non-global regex) and nothing else once `allowed` (a global regex: the class
 * and the words that may frame it) and filler are taken out.
 */
export function onlyClassAndFiller(folded: string, found: RegExp, allowed: RegExp): boolean {
  if (folded.length > CLOSED_CLASS_MAX_LENGTH || !found.test(folded)) return false;
  return onlyFiller(folded.replace(allowed, ''));
}

/** Whether the folded message may ask or request something (see above): false for filler only. */
export function asksSomething(folded: string): boolean {
  if (folded.length > 200) return true;
  return !onlyFiller(folded);
}
