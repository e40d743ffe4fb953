// Generated from the API's OpenAPI document by `npm run gen:api-types`. Do not edit by hand.

export interface paths {
    "/api/absences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record an absence: open tasks move to the AB backup for the period */
        post: operations["AbsenceController_record"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/absences/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 销假: open tasks go back to the holder */
        post: operations["AbsenceController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/set-aside": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Administrators: rows set aside because their processing failed (newest failure first, at most 1000) */
        get: operations["SetAsideController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/set-aside/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Administrators: try a set-aside row again on the next run of its batch, without waiting for its backoff */
        post: operations["SetAsideController_retry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/seal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Seal the heads of all streams changed since the last seal now (administrators) */
        post: operations["AuditController_seal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verify every history chain and the seals (administrators)
         * @description Recomputes each hash, checks links and seq continuity, and that sealed stream heads still exist. `ok: false` lists the problems, first one first, with stream, seq and row id.
         */
        get: operations["AuditController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in: an access token, and a refresh token as an HttpOnly cookie or, when asked, in the answer (401 wrong credentials, 429 too many failures) */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End this session: its access and refresh tokens stop working at once, and the refresh cookie is cleared */
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Renew: new tokens for a refresh token (from the body, else the cookie), which stops working; the new one goes back the same way */
        post: operations["AuthController_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/add-workdays": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The N-th working day after a date, with the rest days skipped on the way */
        get: operations["CalendarController_addWorkdays"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/days/{date}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether a date is a working day, and why (holiday, 调休上班, weekend) */
        get: operations["CalendarController_getDay"];
        /** Admin: manually set one day (holiday, 调休上班, or back to ordinary) */
        put: operations["CalendarController_putDay"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/feed-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My subscription links (without their tokens) */
        get: operations["CalendarFeedController_listTokens"];
        put?: never;
        /** New subscription link to my deadlines; the token and URL are shown only this once */
        post: operations["CalendarFeedController_createToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/feed-tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a subscription link (its owner or an administrator) */
        delete: operations["CalendarFeedController_revokeToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/feed.ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My open tasks as an iCalendar feed (one all-day event per deadline); 404 FEED_TOKEN_UNKNOWN, 401 FEED_TOKEN_REVOKED */
        get: operations["CalendarFeedController_feed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/years/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A year's holidays and 调休 make-up working days, and whether its official schedule is loaded */
        get: operations["CalendarController_getYear"];
        /** Admin: load a year's holiday schedule (JSON as parseScheduleJson, or text/calendar ICS) */
        put: operations["CalendarController_putYear"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/duty-lists/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import a duty list (text, CSV or XLSX; admin). ?dryRun=true returns the diff without writing */
        post: operations["DutyListController_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/escalation-policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Escalation ladders: the built-in default, the stored ones, and the one in force for a unit / work item
         * @description Admin sees every stored ladder; a unit chief sees the organisation default and the overrides of their unit.
         */
        get: operations["EscalationPolicyController_read"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/escalation-policies/organisation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set the organisation's ladder
         * @description 400 ESCALATION_POLICY_INVALID names the faulty rung. Admin only. Open tasks in the scope get their next escalation time recomputed from the ladder now in force (count in `recomputedTasks`); the change is recorded in the `escalation-policy:<org>` history stream.
         */
        put: operations["EscalationPolicyController_setOrganisation"];
        post?: never;
        /**
         * Remove the organisation's ladder (the built-in default applies)
         * @description Admin only. Open tasks in the scope get their next escalation time recomputed from the ladder now in force (count in `recomputedTasks`); the change is recorded in the `escalation-policy:<org>` history stream.
         */
        delete: operations["EscalationPolicyController_removeOrganisation"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/escalation-policies/units/{unitId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set a unit's override
         * @description Admin only. Open tasks in the scope get their next escalation time recomputed from the ladder now in force (count in `recomputedTasks`); the change is recorded in the `escalation-policy:<org>` history stream.
         */
        put: operations["EscalationPolicyController_setUnit"];
        post?: never;
        /**
         * Remove a unit's override (the organisation's ladder applies)
         * @description Admin only. Open tasks in the scope get their next escalation time recomputed from the ladder now in force (count in `recomputedTasks`); the change is recorded in the `escalation-policy:<org>` history stream.
         */
        delete: operations["EscalationPolicyController_removeUnit"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/escalation-policies/work-items/{workItemId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set a work item's override
         * @description Admin only. Open tasks in the scope get their next escalation time recomputed from the ladder now in force (count in `recomputedTasks`); the change is recorded in the `escalation-policy:<org>` history stream.
         */
        put: operations["EscalationPolicyController_setWorkItem"];
        post?: never;
        /**
         * Remove a work item's override (the unit's or organisation's ladder applies)
         * @description Admin only. Open tasks in the scope get their next escalation time recomputed from the ladder now in force (count in `recomputedTasks`); the change is recorded in the `escalation-policy:<org>` history stream.
         */
        delete: operations["EscalationPolicyController_removeWorkItem"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/escalations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Escalations of the units the caller leads (deputy, chief; admin: all) */
        get: operations["EscalationController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/escalations/{id}/ack": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The recipient acknowledges an escalation (shown in the task history) */
        post: operations["EscalationController_acknowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/escalations/forecast": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What will escalate, to whom, in the next N working days if nothing changes */
        get: operations["EscalationController_forecast"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/evidence/{id}/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download an evidence file (anyone who may see its task) */
        get: operations["EvidenceController_download"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/extension-requests/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["TaskController_approveExtension"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/extension-requests/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["TaskController_rejectExtension"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's open tasks (own posts and AB-covered ones), grouped by urgency */
        get: operations["ReportController_myInbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller: person, posts held today, roles from those posts, AB posts covered */
        get: operations["AuthController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's in-app notifications: unread first, then newest; with unread count */
        get: operations["NotificationController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Marks one of the caller’s notifications read (404 for anyone else’s) */
        post: operations["NotificationController_read"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Marks all the caller's notifications read */
        post: operations["NotificationController_readAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org/bureau-leader": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 分管局领导: who is told when a level finds nobody above (a chief’s own overdue task); the e-mail address only to admins */
        get: operations["OrgController_getBureauLeader"];
        /**
         * Admin: set (or clear with null) the bureau leader
         * @description From then on, a sweep level whose recipients resolve to nobody above also sends that level’s message to this person. Recorded in the `org:<id>` history stream.
         */
        put: operations["OrgController_setBureauLeader"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/outbox/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Administrators: give a failed notification a fresh set of attempts */
        post: operations["OutboxController_retry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/outbox/failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Administrators: notifications that could not be delivered after every attempt */
        get: operations["OutboxController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/posts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A post with its current holders, work items, 职能 and typed 责任 (own posts; deputy and chief: their unit) */
        get: operations["OrgController_getPost"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/coverage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 履职覆盖: work items and responsibilities with or without tasks and evidence in the period (chief) */
        get: operations["ReportController_coverageReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/escalations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 催办/督办 (L2/L3) in a period, by post, holder then, work item and level, with trend (chief) */
        get: operations["ReportController_escalationReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/fulfilment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 履职情况: tasks due in the period per post, holder then and work item (chief) */
        get: operations["ReportController_fulfilmentReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tasks the caller may see, filtered, paged and sorted */
        get: operations["TaskController_list"];
        put?: never;
        /**
         * 交办: a chief or deputy assigns a task to a post below them
         * @description As multipart the answer also lists the attachment; more files: POST /api/tasks/:id/attachments.
         */
        post: operations["TaskController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A task with its extension requests, escalations and history */
        get: operations["TaskController_detail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 签收 */
        post: operations["TaskController_accept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 初核 / 审核 by the reviewer of the current step */
        post: operations["TaskController_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 交办附件: the assigner (or admin) adds a file to an open ad-hoc task
         * @description One file per request in field `file`; the limits and accepted types of evidence files apply (413 EVIDENCE_TOO_LARGE, 422 EVIDENCE_TYPE_NOT_ALLOWED). Recorded as `attachment.added` (name, type, size, SHA-256) in the task history. Listed in GET /api/tasks/:id.
         */
        post: operations["TaskAttachmentController_add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/attachments/{attachmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download an attachment (anyone who may see the task; others get 404) */
        get: operations["TaskAttachmentController_download"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel (assigner or admin) with a reason */
        post: operations["TaskController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/escalations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A task's escalation levels with time, recipients, acknowledgement and delivery state
         * @description Per recipient and channel from the outbox: PENDING, HELD (quiet hours or chief digest), SENT, FAILED (with the last error). A level that reached a person inside a higher level’s message of the same sweep says combinedIntoLevel. Anyone who may see the task.
         */
        get: operations["EscalationController_forTask"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The task's evidence, corrections included (current = not superseded) */
        get: operations["EvidenceController_list"];
        put?: never;
        /**
         * 履职留痕: add evidence (assignee while working; the current reviewer while reviewing)
         * @description Files as multipart (field `file`, optional `description`, `supersedesId`); other kinds as JSON. A correction is a new item with `supersedesId`; both are kept.
         */
        post: operations["EvidenceController_add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/evidence-bundle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A zip of task.json, history.json, files/ and manifest.sha256 (sha256sum -c) */
        get: operations["EvidenceController_bundle"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/extension-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 延期申请 by the assignee */
        post: operations["TaskController_requestExtension"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The task's hash-chained history, in order */
        get: operations["EvidenceController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退回 with a reason, back to in progress */
        post: operations["TaskController_return"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["TaskController_start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 报审 (422 when required evidence is missing) */
        post: operations["TaskController_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/urge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 催办 by hand (deputy or chief above the post; once an hour per task) */
        post: operations["EscalationController_urge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 内设机构 the caller may see (admin: all; others: the units of their posts) */
        get: operations["OrgController_listUnits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/units/{id}/board": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Supervision board of a unit per post, plus the caller's own supervision duties (exports: the posts and a total row) */
        get: operations["ReportController_unitBoard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/units/{id}/posts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Posts of a unit in duty-list order (404 for a unit the caller may not see) */
        get: operations["OrgController_listPosts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{username}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Administrators: stop a user logging in and end all their sessions (nothing is deleted) */
        post: operations["UserController_disable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{username}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Administrators: let a disabled user log in again */
        post: operations["UserController_enable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work-items/{workItemId}/schedules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Schedules of a work item, with the recurrence in words and the next five occurrences */
        get: operations["ScheduleController_list"];
        put?: never;
        /** Add a schedule (admin, or the unit chief/deputy) */
        post: operations["ScheduleController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work-items/{workItemId}/schedules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace a schedule (set active=false to stop it; tasks already issued stay) */
        put: operations["ScheduleController_update"];
        post?: never;
        /**
         * Delete a schedule (admin, or the unit chief/deputy); nothing already issued is lost
         * @description A schedule that has produced tasks is ended, not erased: it is deactivated (outcome ENDED), its tasks stay as they are and it produces no further occurrences; PUT with active=true would resume it. A schedule that never produced a task is removed (outcome DELETED). Both are recorded with who and the optional reason in the `schedule:<id>` history stream, with the schedule as it was.
         */
        delete: operations["ScheduleController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work-items/{workItemId}/schedules/{id}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A schedule in words with its next occurrences (default 5) on the official calendar */
        get: operations["ScheduleController_preview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work-items/{workItemId}/schedules/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Preview an unsaved schedule: recurrence and deadline in words, and its next occurrences on the official calendar */
        post: operations["ScheduleController_previewDraft"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Status of the database, Redis and the evidence store; 503 when one is down
         * @description Without credentials only `{ status }`; an administrator’s bearer token or the HEALTH_TOKEN in X-Health-Token shows the checks and warnings.
         */
        get: operations["HealthController_check"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AbsenceBody: {
            /** @example 2026-12-05 */
            endDate: string;
            personId: string;
            reason?: string;
            /** @example 2026-12-01 */
            startDate: string;
        };
        AccountStateDto: {
            disabled: boolean;
            /** @description sessions ended by this change (disabling ends them all) */
            endedSessions: number;
            /** @example officer1 */
            username: string;
        };
        ActingFor: {
            name: string | null;
            personId: string;
        };
        AwaitingItemDto: {
            /** @description set for a post covered as AB backup */
            actingFor: components["schemas"]["ActingFor"] | null;
            /** @description what waits for the caller: the task's current review step, its pending extension request, or both */
            awaiting: ("REVIEW" | "EXTENSION")[];
            deadlineProvisional: boolean;
            /** Format: date-time */
            dueAt: string;
            /** @example 2026-12-01 */
            dueDate: string;
            escalation: components["schemas"]["LevelBadge"] | null;
            id: string;
            /** @description working days overdue; 0 when not overdue */
            overdueWorkdays: number;
            post: components["schemas"]["InboxPost"];
            returnReason: string | null;
            status: string;
            title: string;
            /** @description working days to the due date (0 on the day); null once overdue */
            workdaysLeft: number | null;
            workItem: components["schemas"]["IdTitle"] | null;
        };
        BoardFigures: {
            /** @description due within 2 working days, not yet late */
            atRisk: number;
            awaitingMyReview: number;
            open: number;
            overdue: number;
            overdueL1: number;
            overdueL2: number;
            overdueL3: number;
            pendingExtensions: number;
            unacknowledgedEscalations: number;
        };
        BureauLeaderBody: {
            /** @description The person (分管局领导); null clears it */
            personId: Record<string, never> | null;
        };
        CalendarYearDayDto: {
            /** @example 2026-10-01 */
            date: string;
            /** @enum {string} */
            kind: "HOLIDAY" | "MAKEUP_WORKDAY";
            /** @example 国庆节 */
            name: string;
        };
        ChecklistItemDto: {
            done: boolean;
            text: string;
        };
        CreateTaskBody: {
            /** @description date actually assigned (may be in the past, e.g. at a meeting) */
            assignedOn?: string;
            /**
             * @example {
             *       "kind": "WORKDAYS_AFTER",
             *       "days": 5
             *     }
             */
            deadlineRule?: Record<string, never>;
            description?: string;
            /**
             * @description fixed deadline (or give deadlineRule)
             * @example 2026-12-10
             */
            dueDate?: string;
            postId: string;
            requiredEvidence?: ("FILE" | "NOTE" | "LINK" | "DOC_NUMBER" | "MINUTES")[];
            reviewSteps?: ("DEPUTY" | "CHIEF")[];
            /** @example 报送2026年度规划实施评估报告 */
            title: string;
            workItemId?: string;
        };
        EscalationReportDto: {
            byLevel: components["schemas"]["GroupFigureDto"][];
            byPerson: components["schemas"]["GroupFigureDto"][];
            byPost: components["schemas"]["GroupFigureDto"][];
            byWorkItem: components["schemas"]["GroupFigureDto"][];
            items: components["schemas"]["EscalationReportItemDto"][];
            period: components["schemas"]["PeriodDto"];
            previousPeriod: components["schemas"]["PeriodDto"];
            totals: components["schemas"]["GroupFigureDto"];
            unit: components["schemas"]["IdName"];
        };
        EscalationReportItemDto: {
            acknowledged: boolean;
            /** Format: date-time */
            acknowledgedAt: string | null;
            colour: string;
            /** Format: date-time */
            completedAt: string | null;
            dueDate: string;
            escalationId: string;
            level: number;
            levelName: string;
            overdueWorkdays: number;
            /** @description who held the post when the level fell due */
            person: components["schemas"]["IdName"] | null;
            post: components["schemas"]["IdName"];
            /** Format: date-time */
            reachedAt: string;
            status: string;
            statusName: string;
            taskId: string;
            title: string;
            workItem: components["schemas"]["IdTitle"] | null;
        };
        EvidenceDto: {
            actingForPostId: string | null;
            /** @description by kind: { text } | { url, title? } | { number, title?, issuedOn? } | { date, participants, conclusions, title? } | { description? } */
            content: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            /** @description not superseded: the version that counts */
            current: boolean;
            fileName: string | null;
            id: string;
            /** @enum {string} */
            kind: "FILE" | "NOTE" | "LINK" | "DOC_NUMBER" | "MINUTES";
            mimeType: string | null;
            sha256: string | null;
            size: number | null;
            supersededById: string | null;
            supersedesId: string | null;
            taskId: string;
        };
        ExtensionBody: {
            /** @example 2026-12-20 */
            newDueDate: string;
            reason: string;
        };
        ExtensionRequestDto: {
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            decidedAt: string | null;
            decidedBy: string | null;
            decisionNote: string | null;
            id: string;
            /**
             * Format: date-time
             * @description the requested due date (midnight UTC of the date)
             */
            newDueDate: string;
            reason: string;
            requestedBy: string;
            /** @enum {string} */
            status: "PENDING" | "APPROVED" | "REJECTED";
        };
        FeedTokenDto: {
            /** @description not revoked */
            active: boolean;
            /** Format: date-time */
            createdAt: string;
            id: string;
            /**
             * Format: date-time
             * @description last fetch of the feed, to about 5 minutes
             */
            lastUsedAt: string | null;
            /** Format: date-time */
            revokedAt: string | null;
        };
        GroupFigureDto: {
            acknowledged: number;
            escalations: number;
            key: string | null;
            label: string | null;
            level2: number;
            level3: number;
            tasks: number;
            trend: components["schemas"]["TrendDto"];
        };
        HealthReportDto: {
            /** @description per dependency (database, redis, evidenceStore); only to administrators or with X-Health-Token */
            checks?: {
                [key: string]: {
                    error?: string;
                    /** @enum {string} */
                    status: "up" | "down";
                };
            };
            /** @enum {string} */
            status: "ok" | "error";
            /** @description only to administrators or with X-Health-Token */
            warnings?: components["schemas"]["HealthWarningDto"][];
        };
        HealthWarningDto: {
            code: string;
            details?: {
                [key: string]: unknown;
            };
            message: string;
        };
        HistoryEventDto: {
            actingForPostId: string | null;
            /**
             * @description the actor's name; 系统 for events no one performed
             * @example 王磊
             */
            actorName: string;
            actorPersonId: string | null;
            actorUserId: string | null;
            /** Format: date-time */
            at: string;
            data: {
                [key: string]: unknown;
            };
            hash: string;
            /**
             * @description the event type in Chinese
             * @example 签收
             */
            label: string;
            seq: number;
            /** @example task.accepted */
            type: string;
        };
        IdName: {
            id: string;
            name: string;
        };
        IdTitle: {
            id: string;
            title: string | null;
        };
        ImportChangeDto: {
            /** @enum {string} */
            action: "create" | "update" | "retire";
            /** @enum {string} */
            entity: "post" | "workItem" | "function" | "responsibility" | "cooperation";
            /** @example 正职岗位 / 主持科室全面工作 */
            path: string;
            text?: string;
        };
        ImportCountDto: {
            created: number;
            retired: number;
            unchanged: number;
            updated: number;
        };
        ImportCountsDto: {
            cooperations: components["schemas"]["ImportCountDto"];
            functions: components["schemas"]["ImportCountDto"];
            posts: components["schemas"]["ImportCountDto"];
            responsibilities: components["schemas"]["ImportCountDto"];
            workItems: components["schemas"]["ImportCountDto"];
        };
        ImportSummaryDto: {
            changes: components["schemas"]["ImportChangeDto"][];
            counts: components["schemas"]["ImportCountsDto"];
            dryRun: boolean;
            /** @example utf-8 */
            encoding: string;
            file: string;
            /** @enum {string} */
            format: "text" | "csv" | "xlsx";
            /** @description the catalogue revision written; null on a dry run or when nothing changed */
            revision: number | null;
            /** @description applying the file would change nothing */
            unchanged: boolean;
            unit: components["schemas"]["ImportUnitDto"];
            warnings: components["schemas"]["ImportWarningDto"][];
        };
        ImportUnitDto: {
            created: boolean;
            /** @description null when a dry run would create the unit */
            id: string | null;
            /** @example 国土空间规划科 */
            name: string;
        };
        ImportWarningDto: {
            code: string;
            column?: string;
            line?: number;
            message: string;
        };
        InboxCounts: {
            awaitingAcceptance: number;
            dueThisWeek: number;
            dueToday: number;
            later: number;
            overdue: number;
            returned: number;
        };
        InboxDto: {
            awaitingAcceptance: components["schemas"]["InboxItemDto"][];
            /** @description tasks whose current review step or pending extension request is the caller's to decide, apart from the groups (not in counts or total); never work the caller does themselves */
            awaitingMyReview: components["schemas"]["AwaitingItemDto"][];
            counts: components["schemas"]["InboxCounts"];
            dueThisWeek: components["schemas"]["InboxItemDto"][];
            dueToday: components["schemas"]["InboxItemDto"][];
            later: components["schemas"]["InboxItemDto"][];
            overdue: components["schemas"]["InboxItemDto"][];
            returned: components["schemas"]["InboxItemDto"][];
            /** @example 2026-11-26 */
            today: string;
            total: number;
        };
        InboxItemDto: {
            /** @description set for a post covered as AB backup */
            actingFor: components["schemas"]["ActingFor"] | null;
            deadlineProvisional: boolean;
            /** Format: date-time */
            dueAt: string;
            /** @example 2026-12-01 */
            dueDate: string;
            escalation: components["schemas"]["LevelBadge"] | null;
            id: string;
            /** @description working days overdue; 0 when not overdue */
            overdueWorkdays: number;
            post: components["schemas"]["InboxPost"];
            returnReason: string | null;
            status: string;
            title: string;
            /** @description working days to the due date (0 on the day); null once overdue */
            workdaysLeft: number | null;
            workItem: components["schemas"]["IdTitle"] | null;
        };
        InboxPost: {
            id: string;
            name: string;
            unitName: string;
        };
        LadderBody: {
            /**
             * @description Rungs: { level 0–3, trigger: { kind: WORKDAY_START_BEFORE_DUE | AT_DUE | OVERDUE_WORKDAYS, n? 1–60 }, recipient: ASSIGNEE | DEPUTY | CHIEF }
             * @example [
             *       {
             *         "level": 0,
             *         "trigger": {
             *           "kind": "WORKDAY_START_BEFORE_DUE",
             *           "n": 1
             *         },
             *         "recipient": "ASSIGNEE"
             *       },
             *       {
             *         "level": 1,
             *         "trigger": {
             *           "kind": "AT_DUE"
             *         },
             *         "recipient": "ASSIGNEE"
             *       },
             *       {
             *         "level": 2,
             *         "trigger": {
             *           "kind": "OVERDUE_WORKDAYS",
             *           "n": 1
             *         },
             *         "recipient": "DEPUTY"
             *       },
             *       {
             *         "level": 3,
             *         "trigger": {
             *           "kind": "OVERDUE_WORKDAYS",
             *           "n": 3
             *         },
             *         "recipient": "CHIEF"
             *       }
             *     ]
             */
            ladder: string[];
        };
        LevelBadge: {
            /** @example #dd6b20 */
            colour: string;
            level: number;
            /** @example 督办 */
            name: string;
        };
        LoginDto: {
            /**
             * Format: password
             * @example demo1234
             */
            password: string;
            /**
             * @description Where the refresh token goes: `cookie` (the default: HttpOnly, for browsers; not in the answer) or `body` (`refreshToken` in the answer, for other clients, which then renew with it in the body)
             * @enum {string}
             */
            refreshTokenDelivery?: "cookie" | "body";
            /** @example officer1 */
            username: string;
        };
        MeDto: {
            /** @description posts covered today as AB backup */
            covering: Record<string, never>[];
            person: components["schemas"]["MePersonDto"] | null;
            posts: components["schemas"]["MePostDto"][];
            roles: components["schemas"]["MeRoleDto"][];
            user: components["schemas"]["MeUserDto"];
        };
        MePersonDto: {
            email: string | null;
            id: string;
            name: string;
        };
        MePostDto: {
            acting: boolean;
            code: string;
            /** @enum {string} */
            kind: "CHIEF" | "DEPUTY" | "OFFICER";
            name: string;
            postId: string;
            /** @example 2026-01-01 */
            since: string;
            unitId: string;
            unitName: string;
        };
        MeRoleDto: {
            /** @enum {string} */
            role: "officer" | "deputy" | "chief" | "admin";
            /** @description absent for admin */
            unitId?: string;
            unitName?: string;
        };
        MeUserDto: {
            id: string;
            isAdmin: boolean;
            username: string;
        };
        NewFeedTokenDto: {
            /** @description not revoked */
            active: boolean;
            /** Format: date-time */
            createdAt: string;
            id: string;
            /**
             * Format: date-time
             * @description last fetch of the feed, to about 5 minutes
             */
            lastUsedAt: string | null;
            /** Format: date-time */
            revokedAt: string | null;
            /** @description shown only in this answer; only its SHA-256 is stored */
            token: string;
            /** @example https://dt.example.cn/api/calendar/feed.ics?token=… */
            url: string;
            /**
             * @description the same link for "subscribe" on phones and Outlook
             * @example webcal://dt.example.cn/api/calendar/feed.ics?token=…
             */
            webcalUrl: string;
        };
        NotificationDto: {
            body: string;
            /** Format: date-time */
            createdAt: string;
            /** @description the escalation it is about, with its acknowledgement */
            escalation: components["schemas"]["NotificationEscalationDto"] | null;
            escalationId: string | null;
            id: string;
            level: number | null;
            /** Format: date-time */
            readAt: string | null;
            taskId: string | null;
            title: string;
        };
        NotificationEscalationDto: {
            /**
             * Format: date-time
             * @description when anyone acknowledged it (null: still open)
             */
            acknowledgedAt: string | null;
            /** @description the caller acknowledged it */
            acknowledgedByMe: boolean;
            id: string;
            level: number;
        };
        NotificationPageDto: {
            items: components["schemas"]["NotificationDto"][];
            page: number;
            pageSize: number;
            total: number;
            unread: number;
        };
        OptionalNoteBody: {
            note?: string;
        };
        PeriodDto: {
            from: string;
            /** @description inclusive */
            to: string;
        };
        PostBoardRowDto: {
            /** @description due within 2 working days, not yet late */
            atRisk: number;
            awaitingMyReview: number;
            code: string;
            holderName: string | null;
            kind: string;
            name: string;
            open: number;
            overdue: number;
            overdueL1: number;
            overdueL2: number;
            overdueL3: number;
            pendingExtensions: number;
            postId: string;
            unacknowledgedEscalations: number;
        };
        PreviewOccurrenceDto: {
            /** @example 2026-12-07 */
            dueDate: string;
            /** @example 2026-12-02 */
            issueDate: string;
            /** @example 2026-12-07 */
            occurrenceDate: string;
            /** @description the deadline depends on a year without a loaded holiday schedule (Mon–Fri guess) */
            provisional: boolean;
        };
        ReasonBody: {
            /** @example 材料不全，请补充会议纪要 */
            reason: string;
        };
        RefreshDto: {
            /** @description The refresh token of the last login or renewal (clients that asked for it in the body); without it the refresh cookie is used. Each one works once */
            refreshToken?: string;
        };
        ScheduleBody: {
            active?: boolean;
            checklist?: string[];
            checklistFromResponsibilities?: boolean;
            /**
             * @description deadline rule anchored at each occurrence; default: due that day
             * @example {
             *       "kind": "WORKDAYS_AFTER",
             *       "days": 0
             *     }
             */
            deadlineRule?: Record<string, never>;
            endDate?: string;
            /**
             * @description issue this many working days before the deadline
             * @default 3
             */
            leadWorkdays: number;
            /**
             * @description { kind: 'RRULE', rrule } | { kind: 'NTH_WORKDAY_OF_MONTH', n, months? } | { kind: 'LAST_WORKDAY_OF', period }
             * @example {
             *       "kind": "NTH_WORKDAY_OF_MONTH",
             *       "n": 5
             *     }
             */
            recurrence: Record<string, never>;
            requiredEvidence?: ("FILE" | "NOTE" | "LINK" | "DOC_NUMBER" | "MINUTES")[];
            /** @example 2026-01-01 */
            startDate: string;
            /** @example 月度统计报表报送 */
            title: string;
        };
        ScheduleOccurrenceDto: {
            /** @example 2026-12-07 */
            dueDate: string;
            /** @example 2026-12-02 */
            issueDate: string;
            /** @example 2026-12-07 */
            occurrenceDate: string;
        };
        SchedulePreviewBody: {
            active?: boolean;
            checklist?: string[];
            checklistFromResponsibilities?: boolean;
            /**
             * @description deadline rule anchored at each occurrence; default: due that day
             * @example {
             *       "kind": "WORKDAYS_AFTER",
             *       "days": 0
             *     }
             */
            deadlineRule?: Record<string, never>;
            endDate?: string;
            /**
             * @description issue this many working days before the deadline
             * @default 3
             */
            leadWorkdays: number;
            /**
             * @description { kind: 'RRULE', rrule } | { kind: 'NTH_WORKDAY_OF_MONTH', n, months? } | { kind: 'LAST_WORKDAY_OF', period }
             * @example {
             *       "kind": "NTH_WORKDAY_OF_MONTH",
             *       "n": 5
             *     }
             */
            recurrence: Record<string, never>;
            requiredEvidence?: ("FILE" | "NOTE" | "LINK" | "DOC_NUMBER" | "MINUTES")[];
            /** @example 2026-01-01 */
            startDate: string;
            title?: string;
        };
        SchedulePreviewDto: {
            /** @example 当日截止 */
            deadlineText: string;
            /** @example 每月第5个工作日，当日截止，提前3个工作日下达 */
            description: string;
            /** @example 提前3个工作日下达 */
            leadText: string;
            occurrences: components["schemas"]["PreviewOccurrenceDto"][];
            /** @example 每月第5个工作日 */
            recurrenceText: string;
        };
        ScheduleRemoveBody: {
            /** @example 该项工作已并入季度考核 */
            reason?: string;
        };
        ScheduleViewDto: {
            active: boolean;
            checklist: string[];
            deadlineRule: {
                [key: string]: unknown;
            } | null;
            endDate: string | null;
            generatedThrough: string | null;
            id: string;
            leadWorkdays: number;
            next: components["schemas"]["ScheduleOccurrenceDto"][];
            /** @description as in ScheduleBody */
            recurrence: {
                [key: string]: unknown;
            };
            recurrenceText: string;
            requiredEvidence: string[];
            startDate: string;
            title: string;
            workItemId: string;
        };
        SetAsideRowDto: {
            /** @description failures in a row */
            attempts: number;
            /** @example OUTBOX_MESSAGE_INVALID */
            errorCode: string;
            /** @example 通知内容无效：截止日期无效：0001-01-01 */
            errorMessage: string;
            /** Format: date-time */
            firstFailedAt: string;
            id: string;
            /**
             * @description the batch that failed on the row: escalation sweep (a task), task generation (a schedule), notification dispatch or delivery (an outbox row)
             * @enum {string}
             */
            kind: "ESCALATION_SWEEP" | "TASK_GENERATION" | "OUTBOX_DISPATCH" | "OUTBOX_DELIVERY";
            /** Format: date-time */
            lastFailedAt: string;
            /** @description the id of the task, schedule or outbox row */
            refId: string;
            /**
             * Format: date-time
             * @description not tried again before this time (1, 2, 4 … minutes, at most an hour)
             */
            retryAfter: string;
        };
        SetDayBody: {
            /** @enum {string} */
            kind: "HOLIDAY" | "MAKEUP_WORKDAY" | "WORKDAY" | "WEEKEND";
            /** @example 国庆节 */
            name?: string;
        };
        SupervisionDutyDto: {
            activeSchedules: number;
            doneSoFar: number;
            dueSoFar: number;
            nextDue: string | null;
            open: number;
            overdue: number;
            postName: string;
            responsibilities: string;
            title: string;
            /** @description no recurring task of the duty is late */
            upToDate: boolean;
            workItemId: string;
        };
        TaskAttachmentDto: {
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            /** @example /api/tasks/…/attachments/… */
            downloadPath: string;
            fileName: string;
            id: string;
            mimeType: string;
            /** @description SHA-256 of the bytes, hex */
            sha256: string;
            size: number;
            taskId: string;
        };
        TaskDetailDto: {
            /** @description what the caller may do now */
            allowedActions: ("ACCEPT" | "START" | "SUBMIT" | "APPROVE" | "RETURN" | "CANCEL" | "REQUEST_EXTENSION" | "DECIDE_EXTENSION" | "ADD_EVIDENCE")[];
            /** @description 交办附件, oldest first */
            attachments: components["schemas"]["TaskAttachmentDto"][];
            history: components["schemas"]["HistoryEventDto"][];
            task: components["schemas"]["TaskDto"];
        };
        TaskDto: {
            /** Format: date-time */
            acceptedAt: string | null;
            actingForPersonId: string | null;
            assignedById: string | null;
            /** Format: date-time */
            assignedOn: string;
            assigneePersonId: string | null;
            cancelReason: string | null;
            checklist: components["schemas"]["ChecklistItemDto"][];
            /** Format: date-time */
            completedAt: string | null;
            /** @description how the deadline was computed: rule, skipped holidays and weekends */
            deadlineExplanation: string | null;
            deadlineProvisional: boolean;
            /**
             * @example {
             *       "kind": "WORKDAYS_AFTER",
             *       "days": 5
             *     }
             */
            deadlineRule?: Record<string, never> | null;
            description: string;
            /** Format: date-time */
            dueAt: string;
            /**
             * Format: date-time
             * @description the due date (midnight UTC of the date)
             */
            dueDate: string;
            escalationCycle: number;
            /** @description highest escalation level reached in the current cycle (-1 none) */
            escalationLevel: number;
            escalations: components["schemas"]["TaskEscalationDto"][];
            extensionRequests: components["schemas"]["ExtensionRequestDto"][];
            id: string;
            /** Format: date-time */
            issuedAt: string;
            /** @enum {string} */
            kind: "RECURRING" | "AD_HOC";
            lateIssued: boolean;
            postId: string;
            requiredEvidence: ("FILE" | "NOTE" | "LINK" | "DOC_NUMBER" | "MINUTES")[];
            returnReason: string | null;
            reviewIndex: number;
            reviewSteps: ("CHIEF" | "DEPUTY" | "OFFICER")[];
            scheduleId: string | null;
            /** @enum {string} */
            status: "ISSUED" | "ACCEPTED" | "IN_PROGRESS" | "SUBMITTED" | "REVIEWED" | "DONE" | "CANCELLED";
            /** Format: date-time */
            submittedAt: string | null;
            title: string;
            unitId: string;
            version: number;
            workItemId: string | null;
        };
        TaskEscalationDto: {
            /** Format: date-time */
            acknowledgedAt: string | null;
            acknowledgedBy: string | null;
            /** Format: date-time */
            createdAt: string;
            cycle: number;
            /** Format: date-time */
            dueAt: string;
            id: string;
            level: number;
            overdueWorkdays: number;
        };
        TaskPageDto: {
            items: components["schemas"]["TaskSummaryDto"][];
            page: number;
            pageSize: number;
            total: number;
        };
        TaskSummaryDto: {
            actingForPersonId: string | null;
            assigneePersonId: string | null;
            deadlineProvisional: boolean;
            /** Format: date-time */
            dueAt: string;
            dueDate: string;
            escalationLevel: number;
            id: string;
            /** @enum {string} */
            kind: "RECURRING" | "AD_HOC";
            lateIssued: boolean;
            postId: string;
            returnReason: string | null;
            reviewIndex: number;
            reviewSteps: ("CHIEF" | "DEPUTY" | "OFFICER")[];
            scheduleId: string | null;
            /** @enum {string} */
            status: "ISSUED" | "ACCEPTED" | "IN_PROGRESS" | "SUBMITTED" | "REVIEWED" | "DONE" | "CANCELLED";
            title: string;
            unitId: string;
            workItemId: string | null;
        };
        TokenPairDto: {
            /** @description Send as `Authorization: Bearer <accessToken>` */
            accessToken: string;
            /**
             * @description Seconds until the access token expires
             * @example 900
             */
            expiresIn: number;
            /**
             * @description Seconds until the session ends unless renewed (never past its absolute end, AUTH_SESSION_MAX_SECONDS after login)
             * @example 43200
             */
            refreshExpiresIn: number;
            /** @description Only for a refresh token delivered in the body (see LoginDto.refreshTokenDelivery); browsers get it as an HttpOnly cookie */
            refreshToken?: string;
            /** @enum {string} */
            tokenType: "Bearer";
        };
        TrendDto: {
            changePct: number | null;
            current: number;
            delta: number;
            /** @enum {string} */
            direction: "up" | "down" | "flat";
            previous: number;
        };
        UnitBoardDto: {
            posts: components["schemas"]["PostBoardRowDto"][];
            /** @description ids of the unit's tasks whose current review step is the caller's, soonest due first; a step of work the reviewer does themselves goes one level up (separation of duties) */
            reviewQueue: string[];
            riskThrough: string;
            supervisionDuties: components["schemas"]["SupervisionDutyDto"][];
            today: string;
            totals: components["schemas"]["BoardFigures"];
            unit: components["schemas"]["IdName"];
        };
        UrgeBody: {
            /** @example 请于今日下班前报送 */
            note?: string;
        };
        YearOverviewDto: {
            /** @description holidays and 调休 make-up working days of the year, ascending */
            days: components["schemas"]["CalendarYearDayDto"][];
            /** @description false: no official schedule loaded; the year is counted Mon–Fri and marked provisional */
            loaded: boolean;
            loadedYears: number[];
            /** @example 2026 */
            year: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    AbsenceController_record: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AbsenceBody"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AbsenceController_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SetAsideController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SetAsideRowDto"][];
                };
            };
        };
    };
    SetAsideController_retry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SetAsideRowDto"];
                };
            };
        };
    };
    AuditController_seal: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuditController_verify: {
        parameters: {
            query?: {
                /** @description YYYY-MM-DD (Shanghai) or an ISO instant: check events recorded since then */
                since?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPairDto"];
                };
            };
        };
    };
    AuthController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPairDto"];
                };
            };
        };
    };
    CalendarController_addWorkdays: {
        parameters: {
            query: {
                /** @description working days to add; negative counts backwards */
                days: number;
                from: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CalendarController_getDay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                date: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CalendarController_putDay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                date: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetDayBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CalendarFeedController_listTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedTokenDto"][];
                };
            };
        };
    };
    CalendarFeedController_createToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NewFeedTokenDto"];
                };
            };
        };
    };
    CalendarFeedController_revokeToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedTokenDto"];
                };
            };
        };
    };
    CalendarFeedController_feed: {
        parameters: {
            query?: {
                /** @description the token returned by POST /api/calendar/feed-tokens */
                token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/calendar; charset=utf-8 (RFC 5545) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": string;
                };
            };
        };
    };
    CalendarController_getYear: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                year: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["YearOverviewDto"];
                };
            };
        };
    };
    CalendarController_putYear: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                year: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DutyListController_import: {
        parameters: {
            query?: {
                /** @description compute and return the diff without writing */
                dryRun?: boolean;
                /** @description organisation code (default: the only one) */
                organisation?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportSummaryDto"];
                };
            };
        };
    };
    EscalationPolicyController_read: {
        parameters: {
            query?: {
                /** @description Show the ladder in force for this unit */
                unitId?: string;
                /** @description Show the ladder in force for this work item */
                workItemId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EscalationPolicyController_setOrganisation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LadderBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EscalationPolicyController_removeOrganisation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EscalationPolicyController_setUnit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unitId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LadderBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EscalationPolicyController_removeUnit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unitId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EscalationPolicyController_setWorkItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workItemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LadderBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EscalationPolicyController_removeWorkItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workItemId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EscalationController_list: {
        parameters: {
            query?: {
                /** @description true: acknowledged only; false: open only */
                acknowledged?: boolean;
                from?: string;
                level?: number;
                page?: number;
                pageSize?: number;
                to?: string;
                unitId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EscalationController_acknowledge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EscalationController_forecast: {
        parameters: {
            query: {
                days: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EvidenceController_download: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TaskController_approveExtension: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OptionalNoteBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TaskController_rejectExtension: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OptionalNoteBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReportController_myInbox: {
        parameters: {
            query?: {
                format?: "json" | "csv" | "xlsx";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JSON; CSV or XLSX with ?format= */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxDto"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["InboxDto"];
                    "text/csv": components["schemas"]["InboxDto"];
                };
            };
        };
    };
    AuthController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeDto"];
                };
            };
        };
    };
    NotificationController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPageDto"];
                };
            };
        };
    };
    NotificationController_read: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationDto"];
                };
            };
        };
    };
    NotificationController_readAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrgController_getBureauLeader: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrgController_setBureauLeader: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BureauLeaderBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OutboxController_retry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OutboxController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrgController_getPost: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReportController_coverageReport: {
        parameters: {
            query: {
                format?: "json" | "csv" | "xlsx";
                from: string;
                /** @description inclusive */
                to: string;
                unitId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReportController_escalationReport: {
        parameters: {
            query: {
                format?: "json" | "csv" | "xlsx";
                from: string;
                /** @description inclusive */
                to: string;
                unitId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JSON; CSV or XLSX with ?format= */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EscalationReportDto"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["EscalationReportDto"];
                    "text/csv": components["schemas"]["EscalationReportDto"];
                };
            };
        };
    };
    ReportController_fulfilmentReport: {
        parameters: {
            query: {
                format?: "json" | "csv" | "xlsx";
                from: string;
                /** @description inclusive */
                to: string;
                unitId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TaskController_list: {
        parameters: {
            query?: {
                dueFrom?: string;
                dueTo?: string;
                mine?: boolean;
                order?: "asc" | "desc";
                overdue?: boolean;
                page?: number;
                pageSize?: number;
                postId?: string;
                scheduleId?: string;
                sort?: "dueAt" | "createdAt" | "updatedAt";
                /** @description comma-separated or repeated */
                status?: ("ISSUED" | "ACCEPTED" | "IN_PROGRESS" | "SUBMITTED" | "REVIEWED" | "DONE" | "CANCELLED")[];
                unitId?: string;
                workItemId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskPageDto"];
                };
            };
        };
    };
    TaskController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description JSON; or multipart/form-data with field `task` (this JSON) followed by an optional `file` (交办附件) */
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTaskBody"];
                "multipart/form-data": components["schemas"]["CreateTaskBody"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TaskController_detail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description allowedActions: what the caller may do now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskDetailDto"];
                };
            };
        };
    };
    TaskController_accept: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TaskController_approve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TaskAttachmentController_add: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TaskAttachmentController_download: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                attachmentId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TaskController_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EscalationController_forTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EvidenceController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvidenceDto"][];
                };
            };
        };
    };
    EvidenceController_add: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string;
                    /** Format: binary */
                    file: string;
                    /** Format: uuid */
                    supersedesId?: string;
                } | {
                    /** @enum {unknown} */
                    kind: "NOTE";
                    /** Format: uuid */
                    supersedesId?: string;
                    text: string;
                } | {
                    /** @enum {unknown} */
                    kind: "LINK";
                    /** Format: uuid */
                    supersedesId?: string;
                    title?: string;
                    /** Format: uri */
                    url: string;
                } | {
                    /** Format: date */
                    issuedOn?: string;
                    /** @enum {unknown} */
                    kind: "DOC_NUMBER";
                    /** @example 自然资规〔2026〕12号 */
                    number: string;
                    /** Format: uuid */
                    supersedesId?: string;
                    title?: string;
                } | {
                    conclusions: string;
                    /** Format: date */
                    date: string;
                    /** @enum {unknown} */
                    kind: "MINUTES";
                    participants: string[];
                    /** Format: uuid */
                    supersedesId?: string;
                    title?: string;
                };
                "multipart/form-data": {
                    description?: string;
                    /** Format: binary */
                    file: string;
                    /** Format: uuid */
                    supersedesId?: string;
                } | {
                    /** @enum {unknown} */
                    kind: "NOTE";
                    /** Format: uuid */
                    supersedesId?: string;
                    text: string;
                } | {
                    /** @enum {unknown} */
                    kind: "LINK";
                    /** Format: uuid */
                    supersedesId?: string;
                    title?: string;
                    /** Format: uri */
                    url: string;
                } | {
                    /** Format: date */
                    issuedOn?: string;
                    /** @enum {unknown} */
                    kind: "DOC_NUMBER";
                    /** @example 自然资规〔2026〕12号 */
                    number: string;
                    /** Format: uuid */
                    supersedesId?: string;
                    title?: string;
                } | {
                    conclusions: string;
                    /** Format: date */
                    date: string;
                    /** @enum {unknown} */
                    kind: "MINUTES";
                    participants: string[];
                    /** Format: uuid */
                    supersedesId?: string;
                    title?: string;
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EvidenceController_bundle: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TaskController_requestExtension: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExtensionBody"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EvidenceController_history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TaskController_return: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TaskController_start: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TaskController_submit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EscalationController_urge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UrgeBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrgController_listUnits: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReportController_unitBoard: {
        parameters: {
            query?: {
                format?: "json" | "csv" | "xlsx";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JSON; CSV or XLSX with ?format= */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitBoardDto"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["UnitBoardDto"];
                    "text/csv": components["schemas"]["UnitBoardDto"];
                };
            };
        };
    };
    OrgController_listPosts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UserController_disable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountStateDto"];
                };
            };
        };
    };
    UserController_enable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountStateDto"];
                };
            };
        };
    };
    ScheduleController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workItemId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleViewDto"][];
                };
            };
        };
    };
    ScheduleController_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workItemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScheduleBody"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleViewDto"];
                };
            };
        };
    };
    ScheduleController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                workItemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScheduleBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleViewDto"];
                };
            };
        };
    };
    ScheduleController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                workItemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScheduleRemoveBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ScheduleController_preview: {
        parameters: {
            query?: {
                /** @description how many next occurrences */
                count?: number;
            };
            header?: never;
            path: {
                id: string;
                workItemId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SchedulePreviewDto"];
                };
            };
        };
    };
    ScheduleController_previewDraft: {
        parameters: {
            query?: {
                /** @description how many next occurrences */
                count?: number;
            };
            header?: never;
            path: {
                workItemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SchedulePreviewBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SchedulePreviewDto"];
                };
            };
        };
    };
    HealthController_check: {
        parameters: {
            query?: never;
            header?: {
                /** @description the HEALTH_TOKEN of the deployment */
                "X-Health-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthReportDto"];
                };
            };
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthReportDto"];
                };
            };
        };
    };
}
