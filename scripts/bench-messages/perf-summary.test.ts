import { describe, expect, it } from 'vitest';

import { busyMsOf, componentOf, parsePerfReport, summarizePerf } from './perf-summary.mjs';

const REPORT = `# Samples: 4K of event 'cpu-clock:ppp'
# Event count (approx.): 8849699328
#
# Overhead  Shared Object      Symbol
# ........  .................  ......
#
    40.00%  [kernel.kallsyms]  [k] finish_task_switch.isra.0
    30.00%  workerd            [.] kj::AsyncIoStreamWithGuards::tryRead(void*, unsigned long, unsigned long)
    20.00%  [JIT] tid 13371    [.] 0x0000560ec47de33d
     6.00%  workerd            [.] Builtins_JsonParse
     4.00%  libc.so.6          [.] __memmove_avx512_unaligned_erms
`;

describe("workerd's perf report", () => {
  it('reads every row, JIT code (a shared object with spaces) included', () => {
    const rows = parsePerfReport(REPORT);
    expect(rows.map((r) => r.percent)).toEqual([40, 30, 20, 6, 4]);
    expect(rows[0]!.sym).toBe('[kernel] finish_task_switch.isra.0');
    expect(rows[2]!.dso).toBe('[JIT] tid 13371');
  });

  it('takes the CPU time from the cpu-clock event count (nanoseconds)', () => {
    expect(busyMsOf(REPORT)).toBe(8849.7);
    expect(busyMsOf(REPORT.replace('cpu-clock', 'cycles'))).toBeNull();
  });

  it('groups the time by component, largest first, in ms of the CPU time', () => {
    const summary = summarizePerf(parsePerfReport(REPORT), 20_000, { busyMs: 1000 });
    expect(summary.coveredPercent).toBe(100);
    expect(summary.topFiles).toEqual([
      { name: 'kernel (system calls, network)', percentOfBusy: 40, selfMs: 400 },
      { name: 'workerd I/O: KJ event loop and Cap’n Proto RPC', percentOfBusy: 30, selfMs: 300 },
      {
        name: 'JavaScript, compiled at run time (no symbols for perf)',
        percentOfBusy: 20,
        selfMs: 200,
      },
      { name: 'V8 builtins: JSON', percentOfBusy: 6, selfMs: 60 },
      { name: 'libc (memory, system call wrappers)', percentOfBusy: 4, selfMs: 40 },
    ]);
    expect(summary.topFunctions[0]!.name).toBe(
      '[kernel] finish_task_switch.isra.0 ([kernel.kallsyms])',
    );
  });

  it('names the parts of V8 and workerd', () => {
    expect(componentOf('workerd', 'v8::internal::Heap::CollectGarbage')).toBe(
      'V8 garbage collection',
    );
    expect(componentOf('workerd', 'workerd::api::Request::constructor')).toContain('workerd APIs');
    expect(componentOf('libsqlite.so', 'sqlite3VdbeExec')).toBe('SQLite (Durable Object storage)');
    expect(componentOf('something.so', 'f')).toBe('other (something.so)');
  });
});
