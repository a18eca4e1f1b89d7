// The naming rule of the parameter table: a training input's URL name (and CLI flag) is its TrainingInput field in
// kebab case. Kept apart from the table so that code that only links to the calculator (the method selector's
// island) does not ship the table; tests/unit/memory/parameters.test.ts checks the rule against every entry.

/** `gradCheckpointing` → `grad-checkpointing` */
export const inputParamName = (field: string): string => field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
