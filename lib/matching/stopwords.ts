/** English function words (plus a few domain-neutral fillers). Compared before stemming. */
export const EN_STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before
  being below between both but by can cannot could did do does doing down during each either etc
  few for from further had has have having he her here hers herself him himself his how however i
  if in into is it its itself just let me more most much must my myself no nor not now of off on
  once only or other ought our ours ourselves out over own per same shall she should since so some
  such than that the their theirs them themselves then there these they this those through thus
  to too under until up upon us very via was we were what when where whether which while who whom
  why will with within without would yet you your yours yourself yourselves e.g i.e eg ie vs
  s t d ll m o re ve y one two three four five six seven eight nine ten many several
  able approx around less like may might need needs want wants would use used using uses`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Japanese function/filler words that survive the hiragana filter (kanji or katakana forms).
 * Kept short on purpose: IDF does the rest.
 */
export const JA_STOPWORDS: ReadonlySet<string> = new Set(
  `こと もの ため よう これ それ あれ 場合 当社 弊社 我々 私たち 本技術 本研究 本発明 以上 以下 未満 程度 約
  など 等 及び 並びに 又は または かつ 可能 必要 現在 今回 一方 方法 技術 検討 実現 提供 対応 利用 使用
  活用 目的 課題 問題 向上 改善 開発 研究 求め 求める 希望 予定 今後 同時 従来 非常 十分 特に 主に 大幅 各種 様々 多く`
    .split(/\s+/)
    .filter(Boolean),
);
