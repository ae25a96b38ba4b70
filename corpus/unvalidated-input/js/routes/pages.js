'use strict';

// Marketing pages and the contact form (Express + EJS views).
const express = require('express');
const Joi = require('joi');
const mailer = require('../services/mailer');

const router = express.Router();

const PAGES = new Set(['about', 'pricing', 'careers']);
const contactSchema = Joi.object({
  email: Joi.string().email().required(),
  message: Joi.string().max(5000).required(),
});

function validateContact(req, res, next) {
  const { error } = contactSchema.validate(req.body); // ok: unvalidated-body
  if (error) return res.status(422).json({ error: error.message });
  next();
}

async function sendContact(req, res) {
  await mailer.send({ to: 'sales@example.com', replyTo: req.body.email, text: req.body.message }); // todo-ok: unvalidated-body
  res.render('contact-sent', { email: req.body.email }); // ok: path-traversal
}

router.get('/pages/:page', (req, res) => {
  res.render(req.params.page, { year: new Date().getFullYear() }); // expect: path-traversal
});

router.get('/pages/known/:page', (req, res) => {
  const { page } = req.params;
  if (!PAGES.has(page)) return res.status(404).render('404'); // ok: path-traversal
  res.render(`pages/${page}`); // ok: path-traversal
});

router.get('/legal', (req, res) => {
  res.render('legal', { section: req.query.section }); // ok: path-traversal
});

router.post('/contact', express.urlencoded({ extended: false }), validateContact, async (req, res) => {
  await mailer.send({ to: 'sales@example.com', replyTo: req.body.email, text: req.body.message }); // ok: unvalidated-body
  res.redirect('/contact/thanks'); // ok: open-redirect
});

router.post('/contact/v2', express.urlencoded({ extended: false }), validateContact, sendContact);

router.post('/newsletter', express.urlencoded({ extended: false }), async (req, res) => {
  await mailer.subscribe(req.body.email); // expect: unvalidated-body
  res.redirect(req.body.returnTo || '/'); // expect: open-redirect
});

module.exports = router;
