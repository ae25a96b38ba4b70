from datetime import datetime, timedelta, timezone

from flask import Blueprint, abort, jsonify, request
from sqlalchemy import func

from .extensions import db
from .models import Author, BlogPost, Comment, Tag, post_tags

bp = Blueprint("blog", __name__)


@bp.get("/authors/<handle>")
def author_page(handle):
    author = Author.query.filter_by(handle=handle).first_or_404()  # ok: missing-index
    posts = (
        BlogPost.query.filter_by(author_id=author.id)  # ok: missing-index
        .order_by(BlogPost.published_at.desc())
        .all()
    )
    return jsonify(handle=author.handle, posts=[p.slug for p in posts])


@bp.post("/login")
def login():
    email = request.form["email"]
    author = Author.query.filter(func.lower(Author.email) == email.lower()).first()  # ok: missing-index
    if author is None:
        abort(401)
    return jsonify(id=author.id)


@bp.post("/invite")
def invite():
    # The unique index is on lower(email): a plain comparison cannot use it.
    existing = Author.query.filter_by(email=request.form["email"]).first()  # expect: missing-index
    return jsonify(exists=existing is not None)


@bp.get("/authors")
def search_authors():
    q = request.args.get("q", "")
    authors = Author.query.filter(Author.display_name.ilike(f"%{q}%")).limit(20).all()  # expect: missing-index
    return jsonify([a.handle for a in authors])


@bp.get("/posts/<slug>")
def post_page(slug):
    post = BlogPost.query.filter_by(slug=slug).first_or_404()  # ok: missing-index
    comments = (
        Comment.query.filter_by(post_id=post.id, approved=True)  # ok: missing-index
        .order_by(Comment.created_at)
        .all()
    )
    return jsonify(title=post.title, comments=[c.body for c in comments])


@bp.get("/")
def front_page():
    page = request.args.get("page", 1, type=int)
    posts = (
        BlogPost.query.filter_by(status="published")  # ok: missing-index
        .order_by(BlogPost.published_at.desc())
        .paginate(page=page, per_page=10)
    )
    return jsonify([p.slug for p in posts.items])


@bp.get("/feed")
def feed():
    since = datetime.now(timezone.utc) - timedelta(days=7)
    posts = BlogPost.query.filter(BlogPost.published_at >= since).all()  # expect: missing-index
    return jsonify([p.slug for p in posts])


@bp.get("/search")
def search_posts():
    q = request.args.get("q", "")
    posts = BlogPost.query.filter(BlogPost.title.contains(q)).all()  # expect: missing-index
    return jsonify([p.slug for p in posts])


@bp.get("/comments/by")
def comments_by():
    n = Comment.query.filter_by(author_email=request.args["email"]).count()  # expect: missing-index
    return jsonify(count=n)


@bp.get("/comments/latest")
def latest_comments():
    # created_at is only the second column of ix_comments_post_id_created_at.
    rows = Comment.query.order_by(Comment.created_at.desc()).limit(20).all()  # expect: missing-index
    return jsonify([c.body for c in rows])


@bp.get("/tags/<name>")
def tag_page(name):
    tag = db.session.execute(db.select(Tag).filter_by(name=name)).scalar_one_or_none()  # ok: missing-index
    if tag is None:
        abort(404)
    post_ids = db.session.execute(
        db.select(post_tags.c.post_id).where(post_tags.c.tag_id == tag.id)  # expect: missing-index
    ).scalars()
    return jsonify(list(post_ids))


@bp.get("/drafts/<int:author_id>")
def drafts(author_id):
    rows = db.session.query(BlogPost).filter(BlogPost.status == "draft", BlogPost.author_id == author_id).all()  # ok: missing-index
    return jsonify([p.slug for p in rows])
