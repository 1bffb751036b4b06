import type { AnalysisRequest, AnalysisResult, RulesCatalog } from "./contract";
import { type CallOptions, callApi } from "./http";

export { ApiError, isAbort, isUnreachable } from "./http";

export interface AnalyzeOptions extends CallOptions {
  apiBase: string;
}

/** POST {apiBase}/api/analyze. Rejects on network errors, timeouts, aborts and non-2xx answers. */
export function analyze(request: AnalysisRequest, options: AnalyzeOptions): Promise<AnalysisResult> {
  return callApi(`${options.apiBase}/api/analyze`, options, { method: "POST", body: request }, (r) => r.json() as Promise<AnalysisResult>);
}

/** GET {apiBase}/api/rules in the language of `options.language`. */
export function fetchRules(options: AnalyzeOptions): Promise<RulesCatalog> {
  return callApi(`${options.apiBase}/api/rules`, options, { method: "GET" }, (r) => r.json() as Promise<RulesCatalog>);
}
