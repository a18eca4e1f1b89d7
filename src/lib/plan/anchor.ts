// The calculator's plan tools' fragment: a calculator link ending in #plan opens "Export a starter plan" on arrival
// (the selector's "Plan this run" link). Its own module, so the calculator's page-load code imports only this string.
export const PLAN_ANCHOR = 'plan';
