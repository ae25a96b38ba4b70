'use strict';

// Sign-in, sign-out and the OAuth hand-off (Express + express-session).
const express = require('express');
const { body, validationResult } = require('express-validator');
const users = require('../services/users');
const { isSafeRedirect } = require('../lib/redirects');

const router = express.Router();

const PARTNER_ORIGINS = new Set(['https://partner.example.com', 'https://billing.example.com']);
const HOME = '/dashboard';

router.get('/login', (req, res) => {
  if (req.session.userId) {
    return res.redirect(req.query.next); // expect: open-redirect
  }
  res.render('login', { next: req.query.next });
});

router.post('/login', async (req, res) => {
  const { email, password, next } = req.body; // expect: unvalidated-body
  const user = await users.authenticate(email, password);
  if (!user) return res.status(401).render('login', { error: 'Invalid credentials' });
  req.session.userId = user.id;
  res.redirect(next || HOME); // expect: open-redirect
});

router.post(
  '/login/checked',
  body('email').isEmail().normalizeEmail(),
  body('password').isLength({ min: 8 }),
  async (req, res) => {
    const errors = validationResult(req);
    if (!errors.isEmpty()) return res.status(422).json({ errors: errors.array() });
    const user = await users.authenticate(req.body.email, req.body.password); // ok: unvalidated-body
    req.session.userId = user.id;
    const next = String(req.query.next || '');
    if (next.startsWith('/') && !next.startsWith('//')) {
      return res.redirect(next); // ok: open-redirect
    }
    res.redirect(HOME); // ok: open-redirect
  },
);

router.get('/logout', (req, res) => {
  req.session.destroy(() => {
    const returnTo = req.get('Referer');
    res.redirect(returnTo); // expect: open-redirect
  });
});

router.get('/logout/quiet', (req, res) => {
  req.session.destroy(() => res.redirect('/')); // ok: open-redirect
});

router.get('/switch-team/:teamId', (req, res) => {
  req.session.teamId = Number(req.params.teamId);
  res.redirect(`/teams/${req.params.teamId}/overview`); // ok: open-redirect
});

router.get('/continue', (req, res) => {
  const target = req.query.returnTo;
  if (!isSafeRedirect(target)) {
    return res.redirect(HOME); // ok: open-redirect
  }
  res.redirect(target); // ok: open-redirect
});

router.get('/partner/callback', (req, res) => {
  const origin = req.query.origin;
  if (PARTNER_ORIGINS.has(origin)) {
    return res.redirect(302, `${origin}/sso/complete`); // ok: open-redirect
  }
  res.redirect(302, `${origin}/sso/failed`); // expect: open-redirect
});

router.get('/oauth/start', (req, res) => {
  const state = Buffer.from(JSON.stringify({ next: req.query.next })).toString('base64url');
  res.redirect(`https://auth.example.com/authorize?client_id=helpdesk&state=${state}`); // ok: open-redirect
});

router.get('/oauth/finish', (req, res) => {
  const { next } = JSON.parse(Buffer.from(req.query.state, 'base64url').toString('utf8'));
  res.redirect(next); // expect: open-redirect
});

router.get('/go', (req, res) => {
  res.location(req.query.to).sendStatus(302); // expect: open-redirect
});

router.get('/go/home', (req, res) => {
  res.location(HOME).sendStatus(302); // ok: open-redirect
});

router.get('/secure', (req, res) => {
  res.redirect(301, `https://${req.headers.host}${req.url}`); // ok: open-redirect
});

router.get('/docs', (req, res) => {
  const page = req.query.page;
  if (/^https:\/\/docs\.example\.com\//.test(page)) {
    return res.redirect(page); // ok: open-redirect
  }
  res.redirect('https://docs.example.com/'); // ok: open-redirect
});

router.get('/lang/:code', (req, res) => {
  res.cookie('lang', req.params.code);
  res.redirect('back' === req.query.mode ? req.get('Referrer') || '/' : '/'); // expect: open-redirect
});

module.exports = router;
