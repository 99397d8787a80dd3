// A worker thread of calculation-threads.ts (bundled into one file with what it imports):
// calculates the pages it is sent and answers each
// with its outcomes and rows (the COPY bytes moved, not copied).
import { parentPort } from 'node:worker_threads';
import { calculatePayslipPage, type PageToCalculate } from './calculate-all';

parentPort!.on('message', ({ job, page }: { job: number; page: PageToCalculate }) => {
  try {
    const result = calculatePayslipPage(page);
    const copy = result.rows && 'copy' in result.rows ? result.rows.copy : null;
    // Move the bytes when they fill their own memory (Buffer.concat's), else they are copied.
    const movable = copy && copy.byteOffset === 0 && copy.byteLength === copy.buffer.byteLength;
    parentPort!.postMessage({ job, result }, movable ? [copy.buffer as ArrayBuffer] : []);
  } catch (error) {
    // A bug in the rules (a DomainError is an outcome): the run fails and the service logs it.
    const { message, stack } = error instanceof Error ? error : new Error(String(error));
    parentPort!.postMessage({ job, error: { message, stack } });
  }
});
