import { BadRequestException, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { exec, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { promisify } from 'node:util';
import * as shellQuote from 'shell-quote';

const execAsync = promisify(exec);
const execFileAsync = promisify(execFile);

const BACKUP_DIR = '/var/backups/pg';
const COMPRESSION = { fast: '-Z 1', small: '-Z 9' } as const;
const SCHEMAS: readonly string[] = ['public', 'billing', 'audit'];

@Injectable()
export class BackupService {
  private readonly logger = new Logger(BackupService.name);

  constructor(private readonly config: ConfigService) {}

  private async runShell(command: string): Promise<number | null> {
    const child = spawn(command, { shell: true, stdio: 'inherit' }); // ok: command-injection
    const [code] = await once(child, 'close');
    return code;
  }

  async dumpSchema(database: string, schema: string): Promise<string> {
    if (!SCHEMAS.includes(schema)) throw new BadRequestException(`unknown schema ${schema}`);
    const file = `${BACKUP_DIR}/${schema}.dump`;
    await this.runShell(`pg_dump --schema=${schema} --format=custom --file=${file} ${shellQuote.quote([database])}`); // ok: command-injection
    return file;
  }

  async dumpTable(database: string, table: string, level: keyof typeof COMPRESSION): Promise<string> {
    const file = `${BACKUP_DIR}/${table}.dump`;
    const command = `pg_dump --table=${table} ${COMPRESSION[level]} --file=${file} ${database}`;
    await this.runShell(command); // expect: command-injection
    return file;
  }

  async restore(file: string, database: string): Promise<void> {
    await execFileAsync('pg_restore', ['--clean', '--dbname', database, file]); // ok: command-injection
    this.logger.log(`restored ${file} into ${database}`);
  }

  async listBackups(pattern: string): Promise<string[]> {
    // promisify(exec) is a shell too, but the pack does not know the promisified name.
    const { stdout } = await execAsync(`ls -1 ${BACKUP_DIR} | grep ${pattern}`); // todo-expect: command-injection
    return stdout.split('\n').filter(Boolean);
  }

  async diskUsage(): Promise<string> {
    const { stdout } = await execAsync(`du -sh ${BACKUP_DIR}`); // ok: command-injection
    return stdout.trim();
  }

  async prune(days: number): Promise<void> {
    await this.runShell(`find ${BACKUP_DIR} -name '*.dump' -mtime +${Math.floor(days)} -delete`); // ok: command-injection
  }

  checksum(file: string): Promise<string> {
    return new Promise((resolve, reject) => {
      exec(`sha256sum ${BACKUP_DIR}/${file}`, (err, stdout) => (err ? reject(err) : resolve(stdout.split(' ')[0]))); // expect: command-injection
    });
  }

  async upload(file: string): Promise<void> {
    const bucket = this.config.getOrThrow<string>('BACKUP_BUCKET');
    let command = `aws s3 cp ${BACKUP_DIR}/${file} s3://${bucket}/`;
    command = `aws s3 sync ${BACKUP_DIR} s3://backups-prod/pg/ --exclude '*.tmp'`;
    await this.runShell(command); // ok: command-injection
  }
}
