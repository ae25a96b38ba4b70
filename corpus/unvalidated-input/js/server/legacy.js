'use strict';

// The legacy kiosk server (plain node:http) and its upload/plugin endpoints (Express + multer).
const http = require('http');
const url = require('url');
const fs = require('fs');
const path = require('path');
const ejs = require('ejs');
const _ = require('lodash');
const express = require('express');
const multer = require('multer');
const escapeHtml = require('escape-html');

const PLUGINS = { clock: './plugins/clock', weather: './plugins/weather' };
const KIOSK_ROOT = '/srv/kiosk';
const upload = multer({ dest: '/srv/kiosk/tmp' });

const server = http.createServer((req, res) => {
  const { pathname, query } = url.parse(req.url, true);
  if (pathname === '/welcome') {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(`<h1>Welcome, ${query.name}</h1>`); // expect: xss
    return;
  }
  if (pathname === '/welcome/safe') {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(`<h1>Welcome, ${escapeHtml(query.name)}</h1>`); // ok: xss
    return;
  }
  if (pathname === '/leave') {
    res.writeHead(302, { Location: query.to }); // expect: open-redirect
    res.end();
    return;
  }
  if (pathname === '/home') {
    res.writeHead(302, { Location: '/welcome' }); // ok: open-redirect
    res.end();
    return;
  }
  if (pathname === '/back') {
    res.statusCode = 302;
    res.setHeader('Location', req.headers.referer || '/'); // expect: open-redirect
    res.end();
    return;
  }
  if (pathname === '/slides') {
    fs.createReadStream(path.join(KIOSK_ROOT, 'slides', query.deck)).pipe(res); // expect: path-traversal
    return;
  }
  res.statusCode = 404;
  res.end('not found'); // ok: xss
});

const admin = express();

admin.post('/photos', upload.single('photo'), (req, res) => {
  const target = path.join(KIOSK_ROOT, 'photos', req.file.originalname);
  fs.rename(req.file.path, target, (err) => res.sendStatus(err ? 500 : 201)); // expect: path-traversal
});

admin.post('/photos/safe', upload.single('photo'), (req, res) => {
  const target = path.join(KIOSK_ROOT, 'photos', `${Date.now()}${path.extname(req.file.originalname).replace(/[^.a-z]/gi, '')}`);
  fs.rename(req.file.path, target, (err) => res.sendStatus(err ? 500 : 201)); // ok: path-traversal
});

admin.get('/plugins/:name', (req, res) => {
  const plugin = require(`./plugins/${req.params.name}`); // expect: code-injection
  res.json(plugin.describe());
});

admin.get('/plugins/known/:name', (req, res) => {
  const plugin = require(PLUGINS[req.params.name] || PLUGINS.clock); // ok: code-injection
  res.json(plugin.describe());
});

admin.get('/plugins/load/:name', async (req, res) => {
  const plugin = await import(req.params.name); // expect: code-injection
  res.json(plugin.default.describe());
});

admin.post('/templates/preview', express.text(), (req, res) => {
  res.send(ejs.render(req.body, { kiosk: 'lobby' })); // expect: code-injection, unvalidated-body
});

admin.get('/templates/banner', (req, res) => {
  const banner = _.template('<marquee><%- message %></marquee>'); // ok: code-injection
  res.send(banner({ message: req.query.message })); // ok: xss
});

admin.get('/templates/custom', (req, res) => {
  const banner = _.template(req.query.tpl); // expect: code-injection
  res.send(banner({ message: 'hello' }));
});

admin.get('/find', (req, res) => {
  const slides = fs.readdirSync(path.join(KIOSK_ROOT, 'slides'));
  res.json(slides.filter((name) => name.match(req.query.q))); // expect: regex-injection
});

admin.get('/find/exact', (req, res) => {
  const slides = fs.readdirSync(path.join(KIOSK_ROOT, 'slides'));
  res.json(slides.filter((name) => name.match(/^[a-z0-9-]+\.md$/) && name.startsWith(String(req.query.q)))); // ok: regex-injection
});

server.listen(8080);
admin.listen(8081);
