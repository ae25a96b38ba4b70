import { Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res, Body, BadRequestException } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';
import { firstValueFrom } from 'rxjs';
import type { Request, Response } from 'express';
import escapeStringRegexp from 'escape-string-regexp';
import { LinksService } from './links.service';
import { ShortenLinkDto } from './dto/shorten-link.dto';

const ALLOWED_UNFURL_HOSTS = new Set(['github.com', 'gitlab.com', 'example.com']);
const CATALOG_API_URL = 'https://catalog.internal.example.com';

@Controller('links')
export class LinksController {
  constructor(
    private readonly links: LinksService,
    private readonly httpService: HttpService,
  ) {}

  @Get('out')
  out(@Query('to') to: string, @Res() res: Response): void {
    res.redirect(to); // expect: open-redirect
  }

  @Get('out/checked')
  outChecked(@Query('to') to: string, @Res() res: Response): void {
    if (!to.startsWith('/') || to.startsWith('//')) {
      throw new BadRequestException('relative paths only');
    }
    res.redirect(to); // ok: open-redirect
  }

  @Get('s/:code')
  async short(@Param('code', ParseUUIDPipe) code: string, @Res() res: Response): Promise<void> {
    const link = await this.links.resolve(code);
    res.redirect(301, link.target); // ok: open-redirect
  }

  @Get('back')
  back(@Req() req: Request, @Res() res: Response): void {
    const referer = req.headers.referer ?? '/';
    res.redirect(referer); // expect: open-redirect
  }

  @Get('unfurl')
  async unfurl(@Query('url') url: string): Promise<unknown> {
    const { data } = await firstValueFrom(this.httpService.get(url)); // expect: ssrf
    return data;
  }

  @Get('unfurl/allowed')
  async unfurlAllowed(@Query('url') url: string): Promise<unknown> {
    const parsed = new URL(url);
    if (!ALLOWED_UNFURL_HOSTS.has(parsed.hostname)) {
      throw new BadRequestException('host not allowed');
    }
    const { data } = await firstValueFrom(this.httpService.get(parsed.toString())); // ok: ssrf
    return data;
  }

  @Get('catalog/:sku')
  async catalog(@Param('sku') sku: string): Promise<unknown> {
    const { data } = await firstValueFrom(this.httpService.get(`${CATALOG_API_URL}/items/${encodeURIComponent(sku)}`)); // ok: ssrf
    return data;
  }

  @Get('catalog')
  async catalogByBase(@Query('base') base: string, @Query('sku') sku: string): Promise<unknown> {
    const { data } = await firstValueFrom(this.httpService.get(`${base}/items/${sku}`)); // expect: ssrf
    return data;
  }

  @Get('search')
  async search(@Query('q') q: string): Promise<string[]> {
    const pattern = new RegExp(q, 'i'); // expect: regex-injection
    return (await this.links.titles()).filter((t) => pattern.test(t));
  }

  @Get('search/literal')
  async searchLiteral(@Query('q') q: string): Promise<string[]> {
    const pattern = new RegExp(escapeStringRegexp(q), 'i'); // ok: regex-injection
    return (await this.links.titles()).filter((t) => pattern.test(t));
  }

  @Get('search/dto')
  async searchDto(@Query() query: ShortenLinkDto): Promise<string[]> {
    const pattern = new RegExp(`^${query.slug}`); // ok: regex-injection
    return (await this.links.titles()).filter((t) => pattern.test(t));
  }

  @Post('preview')
  preview(@Body('template') template: string, @Res() res: Response): void {
    res.send(`<section class="preview">${template}</section>`); // expect: xss
  }

  @Post('shorten')
  async shorten(@Body() dto: ShortenLinkDto): Promise<{ code: string }> { // ok: unvalidated-body
    const code = await this.links.shorten(dto.target, dto.slug);
    return { code };
  }

  @Post('rules')
  evaluateRule(@Body() body, @Query('expr') expr: string): unknown { // expect: unvalidated-body
    const link = body.link;
    return eval(`(link) => ${expr}`)(link); // expect: code-injection
  }
}
