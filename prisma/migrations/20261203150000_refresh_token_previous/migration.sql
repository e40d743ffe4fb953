-- The refresh secret a rotation replaced, and when: a used token presented again is told apart
-- from a wrong one (only the former ends the session).
ALTER TABLE "auth_session" ADD COLUMN "previous_refresh_token_hash" TEXT,
ADD COLUMN "rotated_at" TIMESTAMPTZ(3);
