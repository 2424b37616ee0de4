/** A benchmark's printed report: a ruled title, then its finished parts' blocks. */
export function reportFrame(title: string, blocks: readonly (string[] | undefined)[]): string {
  const finished = blocks.filter((b): b is string[] => b !== undefined);
  const rule = '='.repeat(72);
  return [
    rule,
    title,
    rule,
    ...(finished.length > 0 ? finished.flatMap((b) => [...b, '']) : ['(no part finished)']),
  ]
    .join('\n')
    .trimEnd();
}

/** Runs a benchmark's main and exits with its code; a failure before the run exits 1. */
export function runBenchmark(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(
        `[bench] FAILED before the run: ${error instanceof Error ? error.message : String(error)}`,
      );
      process.exit(1);
    },
  );
}
