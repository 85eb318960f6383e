import type { ESLint } from "eslint";

export declare const REQUIRED_SECTIONS: readonly string[];
export declare function ruleHeader(plugin: ESLint.Plugin, ruleName: string): string;
export declare function ruleOptionsList(plugin: ESLint.Plugin, ruleName: string): string;
export declare function rulesTable(plugin: ESLint.Plugin): string;
export declare function updateRuleDoc(plugin: ESLint.Plugin, ruleName: string, text: string): string;
export declare function updateReadme(plugin: ESLint.Plugin, text: string): string;
export declare function missingSections(text: string): string[];
