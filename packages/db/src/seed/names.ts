/** Common Japanese names with their kana and romaji, for demo and generated staff. */
export const FAMILY_NAMES: readonly (readonly [string, string, string])[] = [
  ['佐藤', 'さとう', 'sato'],
  ['鈴木', 'すずき', 'suzuki'],
  ['高橋', 'たかはし', 'takahashi'],
  ['田中', 'たなか', 'tanaka'],
  ['伊藤', 'いとう', 'ito'],
  ['渡辺', 'わたなべ', 'watanabe'],
  ['山本', 'やまもと', 'yamamoto'],
  ['中村', 'なかむら', 'nakamura'],
  ['小林', 'こばやし', 'kobayashi'],
  ['加藤', 'かとう', 'kato'],
  ['吉田', 'よしだ', 'yoshida'],
  ['山田', 'やまだ', 'yamada'],
  ['佐々木', 'ささき', 'sasaki'],
  ['山口', 'やまぐち', 'yamaguchi'],
  ['松本', 'まつもと', 'matsumoto'],
  ['井上', 'いのうえ', 'inoue'],
  ['木村', 'きむら', 'kimura'],
  ['林', 'はやし', 'hayashi'],
  ['斎藤', 'さいとう', 'saito'],
  ['清水', 'しみず', 'shimizu'],
  ['山崎', 'やまざき', 'yamazaki'],
  ['森', 'もり', 'mori'],
  ['池田', 'いけだ', 'ikeda'],
  ['橋本', 'はしもと', 'hashimoto'],
  ['阿部', 'あべ', 'abe'],
  ['石川', 'いしかわ', 'ishikawa'],
  ['山下', 'やました', 'yamashita'],
  ['中島', 'なかじま', 'nakajima'],
  ['石井', 'いしい', 'ishii'],
  ['小川', 'おがわ', 'ogawa'],
];

export const GIVEN_NAMES: readonly (readonly [string, string, string])[] = [
  ['翔太', 'しょうた', 'shota'],
  ['大輔', 'だいすけ', 'daisuke'],
  ['健太', 'けんた', 'kenta'],
  ['拓也', 'たくや', 'takuya'],
  ['直樹', 'なおき', 'naoki'],
  ['一郎', 'いちろう', 'ichiro'],
  ['誠', 'まこと', 'makoto'],
  ['浩二', 'こうじ', 'koji'],
  ['隆', 'たかし', 'takashi'],
  ['修', 'おさむ', 'osamu'],
  ['陽菜', 'ひな', 'hina'],
  ['美咲', 'みさき', 'misaki'],
  ['さくら', 'さくら', 'sakura'],
  ['優子', 'ゆうこ', 'yuko'],
  ['恵', 'めぐみ', 'megumi'],
  ['愛', 'あい', 'ai'],
  ['直子', 'なおこ', 'naoko'],
  ['裕子', 'ゆうこ', 'yuko'],
  ['明美', 'あけみ', 'akemi'],
  ['真由美', 'まゆみ', 'mayumi'],
  ['蓮', 'れん', 'ren'],
  ['陽斗', 'はると', 'haruto'],
  ['結衣', 'ゆい', 'yui'],
  ['葵', 'あおい', 'aoi'],
  ['大翔', 'ひろと', 'hiroto'],
  ['彩', 'あや', 'aya'],
  ['智子', 'ともこ', 'tomoko'],
  ['和也', 'かずや', 'kazuya'],
  ['舞', 'まい', 'mai'],
  ['康弘', 'やすひろ', 'yasuhiro'],
];

/** A small deterministic pseudo-random generator (mulberry32), so seeds give the same data. */
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

export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}
