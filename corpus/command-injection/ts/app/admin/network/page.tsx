import { execFileSync, execSync, spawnSync } from 'node:child_process';
import { revalidatePath } from 'next/cache';
import { requireAdmin } from '@/lib/auth';

type Props = {
  searchParams: { host?: string; count?: string };
};

const TOOLS = { ping: 'ping -c 3', trace: 'traceroute -m 10', dig: 'dig +short' } as const;
const INTERFACES = ['eth0', 'eth1', 'wg0'];

function diagnose(tool: keyof typeof TOOLS, host: string): string {
  return execSync(`${TOOLS[tool]} ${host}`, { encoding: 'utf8', timeout: 15_000 }); // expect: command-injection
}

async function restartInterface(formData: FormData) {
  'use server';
  await requireAdmin();
  const name = String(formData.get('interface'));
  if (!INTERFACES.includes(name)) throw new Error(`unknown interface ${name}`);
  execSync(`ip link set ${name} down && ip link set ${name} up`); // ok: command-injection
  revalidatePath('/admin/network');
}

async function flushDns(formData: FormData) {
  'use server';
  await requireAdmin();
  const zone = formData.get('zone');
  spawnSync('sh', ['-c', 'resolvectl flush-caches && rndc flush ' + zone]); // expect: command-injection
  revalidatePath('/admin/network');
}

export default async function NetworkPage({ searchParams }: Props) {
  await requireAdmin();
  const host = searchParams.host ?? 'localhost';
  const count = Number(searchParams.count ?? '3');
  const ping = execFileSync('ping', ['-c', String(count), host], { encoding: 'utf8' }); // ok: command-injection
  const uptime = execSync('uptime', { encoding: 'utf8' }); // ok: command-injection
  const route = execSync(`ip route get ${host}`, { encoding: 'utf8' }); // expect: command-injection
  const sockets = execSync(`ss -s | head -n ${count + 1}`, { encoding: 'utf8' }); // ok: command-injection
  const lookup = diagnose('dig', 'example.com');

  return (
    <main>
      <h1>Network</h1>
      <pre>{uptime}</pre>
      <pre>{ping}</pre>
      <pre>{route}</pre>
      <pre>{sockets}</pre>
      <pre>{lookup}</pre>
      <form action={restartInterface}>
        <select name="interface">
          {INTERFACES.map((i) => (
            <option key={i}>{i}</option>
          ))}
        </select>
        <button type="submit">Restart</button>
      </form>
      <form action={flushDns}>
        <input name="zone" />
        <button type="submit">Flush</button>
      </form>
    </main>
  );
}
