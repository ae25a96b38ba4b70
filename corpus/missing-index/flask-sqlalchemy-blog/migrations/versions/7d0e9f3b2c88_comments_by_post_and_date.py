"""comments are listed per post by date: one composite index instead of post_id alone

Revision ID: 7d0e9f3b2c88
Revises: c41a7b0e55d3
Create Date: 2024-04-02 08:47:15.006712

"""
from alembic import op


revision = '7d0e9f3b2c88'
down_revision = 'c41a7b0e55d3'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.drop_index('ix_comments_post_id')
        batch_op.create_index('ix_comments_post_id_created_at', ['post_id', 'created_at'], unique=False)


def downgrade():
    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.drop_index('ix_comments_post_id_created_at')
        batch_op.create_index('ix_comments_post_id', ['post_id'], unique=False)
