// A worker thread of calculation-threads.ts (bundled into one file with what it imports):
// calculates the pages it is sent and answers each
// with its outcomes and rows (the blocks of COPY bytes moved, not copied).
import { parentPort } from 'node:worker_threads';
import { calculatePayslipPage, type PageToCalculate } from './calculate-all';

parentPort!.on('message', ({ job, page }: { job: number; page: PageToCalculate }) => {
  try {
    const result = calculatePayslipPage(page, { consume: true });
    const copy = result.rows && 'copy' in result.rows ? result.rows.copy : [];
    // Each block of COPY bytes has memory of its own (payslip-rows.ts): moved, not copied.
    parentPort!.postMessage(
      { job, result },
      copy.map((block) => block.buffer as ArrayBuffer),
    );
  } catch (error) {
    // A bug in the rules (a DomainError is an outcome): the run fails and the service logs it.
    const { message, stack } = error instanceof Error ? error : new Error(String(error));
    parentPort!.postMessage({ job, error: { message, stack } });
  }
});
