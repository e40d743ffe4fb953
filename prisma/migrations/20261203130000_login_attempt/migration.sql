-- Admitted login attempts, counted for the login limits (per username and address, per username,
-- per address). A row is written before the password is checked and counts as a failure until the
-- check succeeds, so concurrent attempts cannot all pass a limit read before any of them was recorded.
-- CreateTable
CREATE TABLE "login_attempt" (
    "id" BIGSERIAL NOT NULL,
    "username" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "succeeded" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "login_attempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "login_attempt_username_at_idx" ON "login_attempt"("username", "at");

-- CreateIndex
CREATE INDEX "login_attempt_ip_at_idx" ON "login_attempt"("ip", "at");

-- CreateIndex
CREATE INDEX "login_attempt_at_idx" ON "login_attempt"("at");

