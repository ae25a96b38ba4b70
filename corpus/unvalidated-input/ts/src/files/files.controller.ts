import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  Param,
  ParseIntPipe,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { createReadStream } from 'fs';
import { readFile, unlink, writeFile } from 'fs/promises';
import { basename, join, resolve } from 'path';
import type { Response } from 'express';
import { RenameFileDto } from './dto/rename-file.dto';
import { SaveNoteDto } from './dto/save-note.dto';

const STORAGE_ROOT = '/srv/tenant-files';

@Controller('files')
export class FilesController {
  @Get(':name')
  download(@Param('name') name: string): StreamableFile {
    return new StreamableFile(createReadStream(join(STORAGE_ROOT, name))); // expect: path-traversal
  }

  @Get(':name/safe')
  downloadSafe(@Param('name') name: string): StreamableFile {
    return new StreamableFile(createReadStream(join(STORAGE_ROOT, basename(name)))); // ok: path-traversal
  }

  @Get('by-id/:id')
  async byId(@Param('id', ParseIntPipe) id: number): Promise<string> {
    return readFile(join(STORAGE_ROOT, 'by-id', `${id}.txt`), 'utf8'); // ok: path-traversal
  }

  @Get('tenant/current')
  async forTenant(@Headers('x-tenant') tenant: string, @Query('file') file: string): Promise<string> {
    return readFile(resolve(STORAGE_ROOT, tenant, file), 'utf8'); // expect: path-traversal
  }

  @Get('tenant/checked')
  async forTenantChecked(@Query('file') file: string): Promise<string> {
    const full = resolve(STORAGE_ROOT, file);
    if (!full.startsWith(STORAGE_ROOT + '/')) {
      throw new Error('outside storage');
    }
    return readFile(full, 'utf8'); // ok: path-traversal
  }

  @Get('export')
  exportFile(@Query() query: Record<string, string>, @Res() res: Response): void {
    res.download(join(STORAGE_ROOT, 'exports', query.name)); // expect: path-traversal
  }

  @Get('export/latest')
  exportLatest(@Res() res: Response): void {
    res.download(join(STORAGE_ROOT, 'exports', 'latest.csv')); // ok: path-traversal
  }

  @Get('export/:name/inline')
  exportInline(@Param('name') name: string, @Res() res: Response): void {
    res.sendFile(name, { root: join(STORAGE_ROOT, 'exports') }); // ok: path-traversal
  }

  @Post('rename')
  async rename(@Body() dto: RenameFileDto): Promise<void> { // ok: unvalidated-body
    await writeFile(join(STORAGE_ROOT, 'renames.log'), `${dto.from} -> ${dto.to}\n`, { flag: 'a' }); // ok: path-traversal
  }

  @Post('notes')
  async saveNote(@Body() body: any): Promise<void> { // expect: unvalidated-body
    await writeFile(join(STORAGE_ROOT, 'notes', body.file), body.text); // expect: path-traversal
  }

  @Post('notes/typed')
  async saveTypedNote(@Body() note: SaveNoteDto): Promise<void> { // ok: unvalidated-body
    await writeFile(join(STORAGE_ROOT, 'notes', `${note.id}.txt`), note.text); // ok: path-traversal
  }

  @Post('notes/raw')
  async saveRawNote(@Body() payload: Record<string, unknown>): Promise<void> { // expect: unvalidated-body
    await writeFile(join(STORAGE_ROOT, 'notes', 'inbox.jsonl'), JSON.stringify(payload) + '\n', { flag: 'a' }); // ok: path-traversal
  }

  @Post('notes/title')
  async saveTitle(@Body('title') title: string): Promise<void> { // ok: unvalidated-body
    await writeFile(join(STORAGE_ROOT, 'titles', title), ''); // expect: path-traversal
  }

  @Delete(':name')
  async remove(@Param('name') name: string): Promise<void> {
    await unlink(`${STORAGE_ROOT}/${name}`); // expect: path-traversal
  }
}
