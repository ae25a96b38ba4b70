'use server';

import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { db } from '@/lib/db';

// Server actions behind the settings forms (Next.js).
const AVATAR_DIR = '/srv/app/avatars';
const ProfileForm = z.object({
  displayName: z.string().min(1).max(80),
  website: z.string().url().optional(),
});

export async function saveAvatar(formData: FormData) {
  const file = formData.get('avatar') as File;
  const fileName = formData.get('fileName') as string;
  await writeFile(path.join(AVATAR_DIR, fileName), Buffer.from(await file.arrayBuffer())); // expect: path-traversal
  redirect('/settings/profile'); // ok: open-redirect
}

export async function saveAvatarSafely(formData: FormData) {
  const file = formData.get('avatar') as File;
  const userId = Number(formData.get('userId'));
  await writeFile(path.join(AVATAR_DIR, `${userId}.png`), Buffer.from(await file.arrayBuffer())); // ok: path-traversal
}

export async function saveProfile(formData: FormData) {
  const profile = ProfileForm.parse(Object.fromEntries(formData));
  await db.query('UPDATE profiles SET display_name = $1, website = $2', [profile.displayName, profile.website ?? null]); // ok: sql-injection
  redirect(`/settings/profile?saved=${encodeURIComponent(profile.displayName)}`); // ok: open-redirect
}

export async function renameTeam(formData: FormData) {
  const name = formData.get('name');
  await db.query(`UPDATE teams SET name = '${name}' WHERE owner = current_user`); // expect: sql-injection
  redirect(String(formData.get('returnTo'))); // expect: open-redirect
}
