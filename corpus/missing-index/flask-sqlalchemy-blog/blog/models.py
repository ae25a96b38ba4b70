from datetime import datetime, timezone

from .extensions import db


def _now():
    return datetime.now(timezone.utc)


post_tags = db.Table(
    "post_tags",
    db.Column("post_id", db.Integer, db.ForeignKey("blog_post.id"), primary_key=True),
    db.Column("tag_id", db.Integer, db.ForeignKey("tag.id"), primary_key=True),
)


class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    # Unique without case: see uq_author_email_lower in the first migration.
    email = db.Column(db.String(255), nullable=False)
    handle = db.Column(db.String(40), unique=True, nullable=False)
    display_name = db.Column(db.String(120))
    joined_at = db.Column(db.DateTime(timezone=True), default=_now)

    posts = db.relationship("BlogPost", back_populates="author", lazy="dynamic")


class BlogPost(db.Model):
    __table_args__ = (db.Index("ix_blog_post_status_published_at", "status", "published_at"),)

    id = db.Column(db.Integer, primary_key=True)
    author_id = db.Column(db.Integer, db.ForeignKey("author.id"), nullable=False)
    slug = db.Column(db.String(200), nullable=False, index=True)
    title = db.Column(db.String(200), nullable=False)
    body = db.Column(db.Text, nullable=False, default="")
    status = db.Column(db.String(20), nullable=False, default="draft")
    published_at = db.Column(db.DateTime(timezone=True))

    author = db.relationship("Author", back_populates="posts")
    tags = db.relationship("Tag", secondary=post_tags, backref="posts")


class Comment(db.Model):
    __tablename__ = "comments"

    id = db.Column(db.Integer, primary_key=True)
    post_id = db.Column(db.Integer, db.ForeignKey("blog_post.id"), nullable=False)
    author_email = db.Column(db.String(255), nullable=False)
    body = db.Column(db.Text, nullable=False)
    approved = db.Column(db.Boolean, nullable=False, default=False)
    created_at = db.Column(db.DateTime(timezone=True), default=_now)


class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(40), unique=True, nullable=False)
