#!/usr/bin/env node
'use strict';

// Deploys a service from a release request picked up off the queue.
const cp = require('child_process');
const { spawn, spawnSync, execFileSync } = require('child_process');
const shellescape = require('shell-escape');
const { Consumer } = require('sqs-consumer');

const REPO_DIR = '/srv/app';
const ENVIRONMENTS = new Set(['staging', 'production']);

// Runs a command line and returns its trimmed output.
function sh(command) {
  return cp.execSync(command, { cwd: REPO_DIR, encoding: 'utf8' }).trim(); // ok: command-injection
}

// The docker tag for a service and version.
function imageTag(service, version) {
  return `registry.internal/${service}:${version}`;
}

function currentCommit() {
  return sh('git rev-parse HEAD'); // ok: command-injection
}

function checkout(ref) {
  execFileSync('git', ['fetch', 'origin', ref], { cwd: REPO_DIR }); // ok: command-injection
  return sh(`git checkout --force ${ref}`); // expect: command-injection
}

function build(service, version) {
  const tag = imageTag(service, version);
  cp.execSync(`docker build -t ${tag} .`, { cwd: REPO_DIR, stdio: 'inherit' }); // expect: command-injection
  spawnSync('docker', ['push', tag], { stdio: 'inherit' }); // ok: command-injection
}

function buildBase() {
  cp.execSync(`docker build -t ${imageTag('base', 'latest')} -f Dockerfile.base .`, { cwd: REPO_DIR }); // ok: command-injection
}

function migrate(environment) {
  if (!ENVIRONMENTS.has(environment)) {
    throw new Error(`unknown environment ${environment}`);
  }
  let command = 'npm run migrate';
  command += ' -- --env ' + shellescape([environment]);
  command += ' --lock-timeout 30';
  return sh(command); // ok: command-injection
}

function announce(service, version, notes) {
  const args = ['--channel', '#deploys'];
  args.push(`--text "${service} ${version}: ${notes}"`);
  return sh('slack-notify ' + args.join(' ')); // expect: command-injection
}

function tail(service, lines) {
  const child = spawn('bash', ['-c', `journalctl -u ${service} -n ${Number(lines)} | grep -v healthz`], { stdio: 'inherit' }); // expect: command-injection
  return new Promise((resolve) => child.on('close', resolve));
}

function prune() {
  const child = spawn('sh', ['-c', 'docker image prune --force --filter "until=168h"'], { stdio: 'inherit' }); // ok: command-injection
  return new Promise((resolve) => child.on('close', resolve));
}

function smokeTest(url) {
  return spawnSync(`curl --fail --silent ${url}/healthz`, { shell: true, encoding: 'utf8' }).status === 0; // expect: command-injection
}

const consumer = Consumer.create({
  queueUrl: process.env.DEPLOY_QUEUE_URL,
  handleMessage: async (message) => {
    const request = JSON.parse(message.Body);
    const before = currentCommit();
    checkout(request.ref);
    build(request.service, request.version);
    await migrate(request.environment);
    announce(request.service, request.version, request.notes);
    if (!smokeTest(request.url)) {
      checkout(before);
      await tail(request.service, 200);
    }
    await prune();
    buildBase();
  },
});

consumer.start();
