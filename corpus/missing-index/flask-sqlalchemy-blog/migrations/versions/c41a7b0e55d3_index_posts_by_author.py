"""index posts by author without locking the table; comment moderation

Revision ID: c41a7b0e55d3
Revises: 2f6c1d8e9a01
Create Date: 2024-02-20 11:05:37.912644

"""
from alembic import op
import sqlalchemy as sa


revision = 'c41a7b0e55d3'
down_revision = '2f6c1d8e9a01'
branch_labels = None
depends_on = None


def upgrade():
    # CREATE INDEX CONCURRENTLY cannot run inside the migration's transaction.
    with op.get_context().autocommit_block():
        op.execute("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_blog_post_author_id ON blog_post (author_id)")

    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('approved', sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade():
    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.drop_column('approved')

    with op.get_context().autocommit_block():
        op.execute("DROP INDEX CONCURRENTLY IF EXISTS ix_blog_post_author_id")
