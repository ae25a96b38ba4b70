// child_process functions under other names.
import { exec as run, execFile } from 'child_process';
const { execSync: sh } = require('child_process');

export function thumbnail(file) {
  run(`convert ${file} -resize 200x200 /tmp/thumb.png`); // expect: command-injection
  execFile('convert', [file, '-resize', '200x200', '/tmp/thumb.png']); // ok: command-injection
}

export function diskUsage(dir) {
  return sh('du -sh ' + dir); // expect: command-injection
}

export function uptime() {
  return sh('uptime'); // ok: command-injection
}
