-- A payslip row is about 6.5 KB (inputs and calculation as json). PostgreSQL starts shrinking a row
-- above about 2 KB: with its default target of the same size it compressed the calculation, then the
-- inputs, and still moved the calculation out to the TOAST table, a second row and index entry for
-- every payslip. With a target of half a page it compresses the calculation (to about 1.5 KB) and
-- keeps the row whole: a 200,000-payslip run cost the database server 3-4 s less CPU, and reading a
-- payslip needs no TOAST look-up. See BENCHMARKS.md (payroll run). Prisma's schema cannot say
-- this; it is a storage parameter of the table only.
ALTER TABLE "payslip" SET (toast_tuple_target = 4080);
