from sqlalchemy import func, select

from .models import Account, Membership, audit_log


def by_email(session, email):
    return session.execute(select(Account).where(Account.email == email)).scalar_one_or_none()  # ok: missing-index


def by_name(session, name):
    return session.execute(select(Account).where(func.lower(Account.name) == name.lower())).scalars().all()  # ok: missing-index


def by_name_as_written(session, name):
    return session.execute(select(Account).where(Account.name == name)).scalars().all()  # expect: missing-index


def in_org(session, org):
    return session.execute(select(Account).where(Account.org == org)).scalars().all()  # ok: missing-index


def by_handle(session, handle):
    return session.execute(select(Account).where(Account.handle == handle)).scalars().all()  # expect: missing-index


def in_city(session, city):
    return session.execute(select(Account).where(Account.city == city)).scalars().all()  # ok: missing-index


def by_zip(session, zip_code):
    return session.execute(select(Account).where(Account.zip_code == zip_code)).scalars().all()  # expect: missing-index


def by_invite(session, code):
    return session.execute(select(Account).where(Account.invite == code)).scalar_one_or_none()  # expect: missing-index


def memberships_of(session, account_id):
    return session.execute(select(Membership).where(Membership.account_id == account_id)).scalars().all()  # ok: missing-index


def members_of(session, group_id):
    return session.execute(select(Membership).where(Membership.group_id == group_id)).scalars().all()  # expect: missing-index


def actions_by(session, actor):
    return session.execute(select(audit_log).where(audit_log.c.actor == actor)).all()  # ok: missing-index


def who_did(session, action):
    return session.execute(select(audit_log).where(audit_log.c.action == action)).all()  # expect: missing-index
