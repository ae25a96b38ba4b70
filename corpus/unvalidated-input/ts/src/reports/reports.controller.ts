import { Body, Controller, Get, Param, Post, Query, ValidationPipe, BadRequestException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validateOrReject } from 'class-validator';
import { Model } from 'mongoose';
import { DataSource } from 'typeorm';
import * as vm from 'node:vm';
import { ReportFilterDto } from './dto/report-filter.dto';
import { Report } from './report.schema';

const SORT_COLUMNS = ['created_at', 'total', 'customer'];
const FORMULAS: Record<string, string> = {
  net: 'row.total - row.tax',
  gross: 'row.total',
};

@Controller('reports')
export class ReportsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectModel(Report.name) private readonly reports: Model<Report>,
  ) {}

  @Get()
  async list(@Query('sort') sort: string, @Query('status') status: string) {
    const column = SORT_COLUMNS.includes(sort) ? sort : 'created_at';
    return this.dataSource.query(`SELECT * FROM reports WHERE status = $1 ORDER BY ${column} DESC`, [status]); // ok: sql-injection
  }

  @Get('raw')
  async raw(@Query('where') where: string) {
    return this.dataSource.query(`SELECT * FROM reports WHERE ${where}`); // expect: sql-injection
  }

  @Get('filtered')
  async filtered(@Query(new ValidationPipe({ transform: true })) filter: ReportFilterDto) {
    return this.dataSource.query('SELECT * FROM reports WHERE region = $1', [filter.region]); // ok: sql-injection
  }

  @Get('mongo')
  async mongo(@Query('expr') expr: string) {
    return this.reports.find({ $where: expr }).lean(); // expect: nosql-injection
  }

  @Get('mongo/min/:total')
  async mongoMin(@Param('total') total: string) {
    return this.reports.find({ $where: `this.total > ${parseFloat(total)}` }).lean(); // ok: nosql-injection
  }

  @Get('mongo/slow')
  async mongoSlow(@Query('field') field: string) {
    return this.reports.find({ $where: 'this.' + field + ' > 1000' }).lean(); // expect: nosql-injection
  }

  @Get('formula')
  async formula(@Query('expr') expr: string) {
    const rows = await this.dataSource.query('SELECT * FROM reports LIMIT 50');
    const compute = new Function('row', `return (${expr});`); // expect: code-injection
    return rows.map((row: unknown) => compute(row));
  }

  @Get('formula/:name')
  async namedFormula(@Param('name') name: string) {
    const rows = await this.dataSource.query('SELECT * FROM reports LIMIT 50');
    const body = FORMULAS[name] ?? FORMULAS.gross;
    const compute = new Function('row', `return (${body});`); // ok: code-injection
    return rows.map((row: unknown) => compute(row));
  }

  @Get('sandbox')
  sandbox(@Query('code') code: string, @Query('total') total: string) {
    return vm.runInNewContext(code, { total: Number(total) }, { timeout: 20 }); // expect: code-injection
  }

  @Get('sandbox/fixed')
  sandboxFixed(@Query('total') total: string) {
    return vm.runInNewContext('total * 1.2', { total: Number(total) }, { timeout: 20 }); // ok: code-injection
  }

  @Get('sandbox/script')
  sandboxScript(@Query('code') code: string) {
    const script = new vm.Script(`'use strict'; ${code}`); // expect: code-injection
    return script.runInNewContext({}, { timeout: 20 });
  }

  @Post('import')
  async import(@Body() body: unknown) { // ok: unvalidated-body
    const filter = plainToInstance(ReportFilterDto, body);
    await validateOrReject(filter);
    return this.dataSource.query('SELECT * FROM reports WHERE region = $1', [filter.region]); // ok: sql-injection
  }

  @Post('schedule')
  async schedule(@Body() body: { cron: string; script: string }) { // expect: unvalidated-body
    if (!body.cron) throw new BadRequestException('cron is required');
    setInterval(body.script, 60_000); // expect: code-injection
    return { scheduled: true };
  }

  @Get('eval/number')
  evalNumber(@Query('n') n: string) {
    return eval(`${Number(n)} * 2`); // ok: code-injection
  }

  @Get('eval/json')
  evalJson(@Query('data') data: string) {
    return eval(`(${data})`); // expect: code-injection
  }

  @Get('eval/parsed')
  evalParsed(@Query('data') data: string) {
    const parsed = JSON.parse(data) as { total: number };
    return eval(`${parsed.total} + 1`); // expect: code-injection
  }
}
