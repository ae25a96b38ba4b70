'use strict';

const path = require('path');
const express = require('express');
const multer = require('multer');
const { exec, execFile } = require('child_process');
const shellQuote = require('shell-quote');

const router = express.Router();
const upload = multer({ dest: '/var/uploads/tmp' });

const MEDIA_ROOT = '/var/uploads/media';
const FORMATS = ['png', 'jpg', 'webp'];
const PRESETS = {
  thumb: '-resize 160x160^ -gravity center -extent 160x160',
  card: '-resize 640x360^ -gravity center -extent 640x360',
  full: '-resize 1920x1080>',
};

router.post('/media/:id/thumbnail', (req, res, next) => {
  const source = path.join(MEDIA_ROOT, req.params.id);
  exec(`convert ${source} -resize 160x160 ${source}.thumb.png`, (err) => { // expect: command-injection
    if (err) return next(err);
    res.sendStatus(204);
  });
});

router.post('/media/:id/resize', (req, res, next) => {
  const source = shellQuote.quote([path.join(MEDIA_ROOT, req.params.id)]);
  const width = Number(req.query.width);
  const height = Number(req.query.height);
  exec(`convert ${source} -resize ${width}x${height} ${source}`, (err) => { // ok: command-injection
    if (err) return next(err);
    res.sendStatus(204);
  });
});

router.post('/media/:id/render/:preset', (req, res, next) => {
  const source = shellQuote.quote([path.join(MEDIA_ROOT, req.params.id)]);
  const options = PRESETS[req.params.preset];
  exec('convert ' + source + ' ' + options + ' ' + source + '.out.png', (err) => { // ok: command-injection
    if (err) return next(err);
    res.sendStatus(204);
  });
});

router.post('/media/:id/convert', (req, res, next) => {
  const format = req.query.format;
  if (!FORMATS.includes(format)) throw new Error(`unsupported format ${format}`);
  const source = shellQuote.quote([path.join(MEDIA_ROOT, req.params.id)]);
  exec(`convert ${source} ${source}.${format}`, (err) => { // ok: command-injection
    if (err) return next(err);
    res.json({ format });
  });
});

router.get('/media/:id/info', (req, res, next) => {
  execFile('identify', ['-format', '%w %h %m', path.join(MEDIA_ROOT, req.params.id)], (err, stdout) => { // ok: command-injection
    if (err) return next(err);
    const [width, height, type] = stdout.trim().split(' ');
    res.json({ width: Number(width), height: Number(height), type });
  });
});

router.post('/media/upload', upload.single('file'), (req, res, next) => {
  const target = path.join(MEDIA_ROOT, req.file.originalname);
  const command = `mv ${req.file.path} ${target}`;
  const withLog = command + ' && echo moved >> /var/log/media.log';
  exec(withLog, (err) => { // expect: command-injection
    if (err) return next(err);
    res.status(201).json({ name: req.file.originalname });
  });
});

router.delete('/media/cache', (req, res, next) => {
  exec('find /var/uploads/tmp -type f -mtime +1 -delete', (err) => { // ok: command-injection
    if (err) return next(err);
    res.sendStatus(204);
  });
});

router.get('/media/:id/duration', (req, res, next) => {
  const file = path.join(MEDIA_ROOT, req.params.id);
  exec(`ffprobe -v error -show_entries format=duration -of csv=p=0 "${file}"`, (err, stdout) => { // expect: command-injection
    if (err) return next(err);
    res.json({ seconds: Number(stdout) });
  });
});

module.exports = router;
