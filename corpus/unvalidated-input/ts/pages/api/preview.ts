import type { NextApiRequest, NextApiResponse } from 'next';
import { exec } from 'node:child_process';
import axios from 'axios';

// Draft previews and the screenshot worker (Next.js pages API routes).
const CMS_API_URL = process.env.CMS_API_URL ?? 'https://cms.example.com/api';
const SCREENSHOT_SIZES = ['640x480', '1280x720'];

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const { slug, secret } = req.query;
  if (secret !== process.env.PREVIEW_SECRET) {
    return res.status(401).json({ message: 'Invalid token' });
  }
  const { data: post } = await axios.get(`${CMS_API_URL}/posts/${slug}`); // ok: ssrf
  res.setDraftMode({ enable: true });
  res.redirect(`/posts/${post.slug}`); // ok: open-redirect
}

export async function screenshot(req: NextApiRequest, res: NextApiResponse) {
  const size = req.query.size as string;
  const url = req.query.url as string;
  if (!SCREENSHOT_SIZES.includes(size)) {
    return res.status(400).end();
  }
  exec(`chromium --headless --window-size=${size} --screenshot /tmp/shot.png`, () => res.status(202).end()); // ok: command-injection
  exec(`chromium --headless --screenshot /tmp/shot.png ${url}`, () => res.status(202).end()); // expect: command-injection
}

export async function webhook(req: NextApiRequest, res: NextApiResponse) {
  const event = req.body; // expect: unvalidated-body
  await axios.post(event.replyTo, { received: true }); // expect: ssrf
  res.status(200).send(`<p>Received ${event.type}</p>`); // expect: xss
}

export async function exitPreview(req: NextApiRequest, res: NextApiResponse) {
  res.setDraftMode({ enable: false });
  res.redirect(typeof req.query.next === 'string' ? req.query.next : '/'); // expect: open-redirect
}
