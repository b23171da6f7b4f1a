/**
 * Shared rules for the bilingual glossary: output files, domains, banned
 * generic terms. Used by build.ts and check.ts.
 */
export const DOMAINS = [
  "manufacturing",
  "it",
  "biotech",
  "environment_energy",
  "general",
] as const;
export type Domain = (typeof DOMAINS)[number];

export interface Concept {
  id: string;
  domain: Domain;
  en: string[];
  ja: string[];
}

/** Output files produced by build.ts (00-core.json is owned by the engine and never written here). */
export const OUTPUTS: Record<string, { domain: Domain; prefix: string }> = {
  "10-manufacturing": { domain: "manufacturing", prefix: "mfg" },
  "20-it": { domain: "it", prefix: "it" },
  "30-biotech": { domain: "biotech", prefix: "bio" },
  "40-environment-energy": { domain: "environment_energy", prefix: "env" },
  "50-general": { domain: "general", prefix: "gen" },
};

/**
 * Terms too generic to be useful for cross-lingual expansion: a glossary entry
 * made of these would make everything match everything. They must never be a
 * term on their own (they are fine inside a longer term, e.g. "vision system").
 */
export const BANNED_EN = new Set([
  "system", "systems", "method", "methods", "device", "devices", "technology",
  "technologies", "technique", "techniques", "process", "processes", "apparatus",
  "equipment", "product", "products", "solution", "solutions", "service",
  "services", "approach", "application", "applications", "development",
  "research", "study", "tool", "tools", "means", "type", "use", "usage",
  "problem", "problems", "issue", "issues", "function", "structure", "unit",
  "part", "parts", "model", "data", "information", "work", "thing", "item",
  "material", "materials", "machine", "mechanism", "project", "company",
  "business", "new", "high", "low", "good", "improvement", "improve",
  "analysis", "management", "control", "design", "production", "manufacturing",
  "processing", "treatment", "test", "testing", "evaluation", "measurement",
  "a", "an", "the", "and", "or", "of", "for", "to", "in", "on", "with", "by",
  "it", "is", "as", "at", "be", "no", "not", "can", "use of",
]);

export const BANNED_JA = new Set([
  "技術", "方法", "システム", "装置", "手法", "機器", "製品", "開発", "研究",
  "技法", "処理", "機能", "構造", "問題", "課題", "用途", "利用", "活用", "対応",
  "部品", "材料", "機械", "情報", "データ", "事業", "企業", "会社", "サービス",
  "ソリューション", "方式", "仕組み", "提案", "実現", "モデル", "ツール", "分析",
  "解析", "管理", "制御", "設計", "製造", "生産", "評価", "測定", "試験", "改善",
  "向上", "新規", "高度", "装備", "設備", "事項", "もの", "こと", "ため", "技術開発",
  "加工", "物", "品", "用", "的", "化", "性", "型", "式", "法",
]);

export function isBannedTerm(t: string): boolean {
  return BANNED_EN.has(t) || BANNED_JA.has(t);
}

export const HIRAGANA_ONLY = /^[\u3040-\u309fー]+$/;
