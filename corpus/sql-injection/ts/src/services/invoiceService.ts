import { Prisma, PrismaClient } from '@prisma/client';
import { Pool } from 'pg';
import { logger } from '../logger';

export interface InvoiceSummary {
  id: number;
  customerId: number;
  total: string;
  status: 'open' | 'paid' | 'void';
}

export class InvoiceService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly pool: Pool,
  ) {}

  async byCustomer(customerId: number): Promise<InvoiceSummary[]> {
    return this.prisma.$queryRaw<InvoiceSummary[]>`SELECT id, customer_id AS "customerId", total, status FROM invoices WHERE customer_id = ${customerId}`; // ok: sql-injection
  }

  async byStatus(status: string): Promise<InvoiceSummary[]> {
    return this.prisma.$queryRawUnsafe<InvoiceSummary[]>(`SELECT id, total, status FROM invoices WHERE status = '${status}'`); // expect: sql-injection
  }

  async byReference(ref: string): Promise<InvoiceSummary[]> {
    return this.prisma.$queryRawUnsafe<InvoiceSummary[]>('SELECT id, total, status FROM invoices WHERE reference = $1', ref); // ok: sql-injection
  }

  async voidInvoice(id: number, reason: string): Promise<void> {
    await this.prisma.$executeRawUnsafe("UPDATE invoices SET status = 'void', note = '" + reason + "' WHERE id = " + id); // expect: sql-injection
    logger.info(`invoice ${id} voided: ${reason}`); // ok: sql-injection
  }

  async reopen(id: number): Promise<void> {
    await this.prisma.$executeRaw`UPDATE invoices SET status = 'open' WHERE id = ${id}`; // ok: sql-injection
  }

  async totalsFor(customerIds: number[]): Promise<unknown> {
    return this.prisma.$queryRaw(Prisma.sql`SELECT customer_id, SUM(total) FROM invoices WHERE customer_id IN (${Prisma.join(customerIds)}) GROUP BY 1`); // ok: sql-injection
  }

  async overdue(days: number): Promise<InvoiceSummary[]> {
    const { rows } = await this.pool.query<InvoiceSummary>( // expect: sql-injection
      `SELECT id, total, status FROM invoices WHERE due_date < now() - interval '${days} days'`,
    );
    return rows;
  }

  async overdueSafe(days: number): Promise<InvoiceSummary[]> {
    const { rows } = await this.pool.query<InvoiceSummary>( // ok: sql-injection
      `SELECT id, total, status
         FROM invoices
        WHERE due_date < now() - make_interval(days => $1)`,
      [days],
    );
    return rows;
  }

  async exportRange(from: string, to: string): Promise<unknown> {
    const query = `SELECT * FROM invoices WHERE issued_at BETWEEN '${from}' AND '${to}'`;
    return this.prisma.$queryRawUnsafe(query); // expect: sql-injection
  }

  async purgeDrafts(olderThan: string): Promise<number> {
    const result = await this.pool.query('DELETE FROM invoices WHERE status = ' + "'draft'" + ' AND created_at < $1', [olderThan]); // ok: sql-injection
    return result.rowCount ?? 0;
  }
}
