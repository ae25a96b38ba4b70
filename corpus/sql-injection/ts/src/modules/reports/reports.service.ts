import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface ReportFilter {
  region?: string;
  channel?: string;
  from?: string;
  to?: string;
}

export interface SalesRow {
  day: string;
  region: string;
  revenue: string;
}

const GROUPINGS = {
  day: "date_trunc('day', s.sold_at)",
  week: "date_trunc('week', s.sold_at)",
  month: "date_trunc('month', s.sold_at)",
} as const;

const METRICS = new Set(['revenue', 'units', 'refunds']);
const REGIONS: readonly string[] = ['emea', 'amer', 'apac'];

@Injectable()
export class ReportsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async sales(filter: ReportFilter, grouping: keyof typeof GROUPINGS): Promise<SalesRow[]> {
    const where: string[] = ['s.voided = false'];
    const params: unknown[] = [];
    if (filter.region) {
      params.push(filter.region);
      where.push(`s.region = $${params.length}`);
    }
    if (filter.from) {
      params.push(filter.from);
      where.push(`s.sold_at >= $${params.length}`);
    }
    const sql = `
      SELECT ${GROUPINGS[grouping]} AS day, s.region, SUM(s.amount) AS revenue
        FROM sales s
       WHERE ${where.join(' AND ')}
       GROUP BY 1, 2
       ORDER BY 1`;
    return this.dataSource.query(sql, params); // ok: sql-injection
  }

  async salesByChannel(filter: ReportFilter): Promise<SalesRow[]> {
    const where: string[] = ['s.voided = false'];
    if (filter.channel) {
      where.push(`s.channel = '${filter.channel}'`);
    }
    if (filter.to) {
      where.push(`s.sold_at < '${filter.to}'`);
    }
    const sql = `
      SELECT s.channel, SUM(s.amount) AS revenue
        FROM sales s
       WHERE ${where.join(' AND ')}
       GROUP BY s.channel`;
    return this.dataSource.query(sql); // expect: sql-injection
  }

  async metricTotal(metric: string): Promise<number> {
    if (METRICS.has(metric)) {
      const rows = await this.dataSource.query(`SELECT SUM(${metric}) AS total FROM daily_metrics`); // ok: sql-injection
      return Number(rows[0].total);
    }
    throw new BadRequestException(`unknown metric ${metric}`);
  }

  async regionTotal(region: string): Promise<number> {
    if (!REGIONS.includes(region)) throw new BadRequestException(`unknown region ${region}`);
    const table = `sales_${region}`;
    const rows = await this.dataSource.query(`SELECT SUM(amount) AS total FROM ${table}`); // ok: sql-injection
    return Number(rows[0].total);
  }

  async topCustomers(limit: number, minOrders: string): Promise<unknown[]> {
    let sql = 'SELECT customer_id, COUNT(*) AS orders FROM sales GROUP BY customer_id';
    sql += ` HAVING COUNT(*) >= ${minOrders}`;
    sql += ` ORDER BY orders DESC LIMIT ${Math.min(limit, 100)}`;
    return this.dataSource.query(sql); // expect: sql-injection
  }

  async refundRate(region: string): Promise<unknown[]> {
    const regionFilter = `region = '${region}'`;
    const condition = regionFilter;
    return this.dataSource.query(`SELECT AVG(refunded::int) FROM sales WHERE ${condition}`); // expect: sql-injection
  }
}
