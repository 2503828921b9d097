// Generated from docs/openapi.json by scripts/generate-api-types.js (npm run api:types). Do not edit.
export interface paths {
    "/api/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The alert queue: newest activity (or highest severity) first */
        get: {
            parameters: {
                query?: {
                    /** @description A user id, or `none` for unassigned alerts. */
                    assignee?: string;
                    /** @description The `next` of the previous page. */
                    cursor?: string;
                    /** @description A host, user or address the alert is about. */
                    entity?: string;
                    /** @description Last seen from (inclusive): ISO 8601, epoch ms or relative (now-24h). */
                    from?: string;
                    limit?: number;
                    /** @description Lowest severity score. */
                    minScore?: number;
                    /** @description A detection rule id. */
                    rule?: string;
                    /** @description This severity level and above. */
                    severity?: "informational" | "low" | "medium" | "high" | "critical";
                    sort?: "last_seen" | "severity";
                    /** @description Statuses (repeat the parameter for several). */
                    status?: ("new" | "acknowledged" | "in_progress" | "false_positive" | "true_positive" | "closed") | ("new" | "acknowledged" | "in_progress" | "false_positive" | "true_positive" | "closed")[];
                    /** @description Tenant ids (repeat the parameter for several); all the caller's tenants when absent. */
                    tenant?: string | string[];
                    /** @description Last seen before (exclusive). */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            alerts: components["schemas"]["Alert"][];
                            next?: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One alert with its history, linked findings, assets and response times */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AlertDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts/{id}/allowlist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Suppress alerts like this: create an allow-list rule from an alert's tenant, rule and entity */
        post: {
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
                        /** @description Replaces the conditions built from the alert's entity. */
                        conditions?: string;
                        /** @description Epoch ms; null or absent: no expiry. */
                        expiresAt?: number | null;
                        /** @description Why these findings are benign (required). */
                        justification: string;
                        /** @description Who answers for the rule and reviews it (required). */
                        owner: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AllowlistRule"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts/{id}/allowlist-draft": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Suppress alerts like this: the rule an alert suggests (tenant, rule id, conditions) */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AllowlistDraft"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts/{id}/assignee": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Assign an alert to a user who may triage its tenant, or unassign it (null) */
        put: {
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
                        /** @description A user id or username; null unassigns. */
                        assignee: string | null;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Alert"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts/{id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a comment to an alert's history */
        post: {
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
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AlertHistoryEntry"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts/{id}/escalate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Escalate an alert to the customer: mark it a true positive and send the policy's messages (retried; see the delivery log) */
        post: {
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
                        /** @description The analyst's assessment, quoted in the message. */
                        assessment: string;
                        /** @description By default the first matching policy of the tenant. */
                        policyId?: string;
                        recommendedActions?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            alert: {
                                [key: string]: unknown;
                            };
                            escalation: components["schemas"]["Escalation"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts/{id}/escalations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An alert's escalations and their delivery logs */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            escalations: components["schemas"]["Escalation"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts/{id}/transition": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the status of an alert, with a reason
         * @description A move the status machine does not allow is 409 ALERT_TRANSITION_INVALID, listing the allowed ones (docs/triage.md).
         */
        post: {
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
                        /** @description Why: kept in the history and the audit log (required). */
                        reason: string;
                        /** @enum {string} */
                        to: "new" | "acknowledged" | "in_progress" | "false_positive" | "true_positive" | "closed";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Alert"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts/assignees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Users who may be assigned the alerts of the caller's tenants (or of the tenants named) */
        get: {
            parameters: {
                query?: {
                    /** @description Tenant ids (repeat the parameter for several); all the caller's tenants when absent. */
                    tenant?: string | string[];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assignees: {
                                displayName: string;
                                id: string;
                                /** @description The tenants asked about that this user may triage. */
                                tenants: string[];
                                username: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts/transition": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the status of many alerts with one reason
         * @description The alerts that can move do; each that cannot is reported with its error code.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ids: string[];
                        /** @description Why: kept in the history and the audit log (required). */
                        reason: string;
                        /** @enum {string} */
                        to: "new" | "acknowledged" | "in_progress" | "false_positive" | "true_positive" | "closed";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            results: {
                                /** @description Why it did not move: an error code. */
                                code?: string;
                                id: string;
                                message?: string;
                                ok: boolean;
                                /**
                                 * @description The new status, when it moved.
                                 * @enum {string}
                                 */
                                status?: "new" | "acknowledged" | "in_progress" | "false_positive" | "true_positive" | "closed";
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/allowlist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Allow-list rules, by tenant and creation */
        get: {
            parameters: {
                query?: {
                    /** @description Also list removed rules (with their hits). */
                    includeRemoved?: "true" | "false";
                    /** @description Only the rules of this detection rule id. */
                    rule?: string;
                    /** @description Tenant ids (repeat the parameter for several); all the caller's tenants when absent. */
                    tenant?: string | string[];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rules: components["schemas"]["AllowlistRule"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create an allow-list rule (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AllowlistCreateInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AllowlistRule"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/allowlist/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One allow-list rule */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AllowlistRule"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Remove an allow-list rule: it stops applying, stays listed with its hits (audited) */
        delete: {
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
                        /** @description Why it is removed (required). */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AllowlistRule"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change an allow-list rule (audited with the values before and after) */
        patch: {
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
                        conditions?: string;
                        /** @description Epoch ms; null or absent: no expiry. */
                        expiresAt?: number | null;
                        /** @description Why these findings are benign (required). */
                        justification?: string;
                        /** @description Who answers for the rule and reviews it (required). */
                        owner?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AllowlistRule"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/allowlist/{id}/suppressed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The findings a rule suppressed, newest first (they are kept) */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            findings: {
                                findingId: string;
                                ruleId: string;
                                /** @description The fields kept with the finding, which the conditions were evaluated on. */
                                subject: {
                                    [key: string]: unknown;
                                };
                                time: number;
                            }[];
                            next?: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/allowlist/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** How many findings of the last days a rule would have hidden, before saving it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        conditions: string;
                        /**
                         * @description How far back to look (1-90 days).
                         * @default 30
                         */
                        days?: number;
                        /** @description A detection rule id; null for every rule of the tenant. */
                        ruleId: string | null;
                        tenant: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AllowlistImpact"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/allowlist/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Rules to review: expiring or expired, never hit, or hitting too much */
        get: {
            parameters: {
                query?: {
                    expiringWithinDays?: number;
                    maxHitsPerDay?: number;
                    maxShare?: number;
                    neverHitAfterDays?: number;
                    periodDays?: number;
                    /** @description Tenant ids (repeat the parameter for several); all the caller's tenants when absent. */
                    tenant?: string | string[];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AllowlistReview"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The asset inventory, by name */
        get: {
            parameters: {
                query?: {
                    /** @description The `next` of the previous page. */
                    cursor?: string;
                    limit?: number;
                    /** @description Text in the name, a host name, an address or a user. */
                    search?: string;
                    source?: "manual" | "import" | "learned";
                    tag?: string;
                    /** @description Tenant ids (repeat the parameter for several); all the caller's tenants when absent. */
                    tenant?: string | string[];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assets: components["schemas"]["Asset"][];
                            next?: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Add an asset (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AssetCreateInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Asset"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One asset */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Asset"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Remove an asset (audited) */
        delete: {
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
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change an asset (audited) */
        patch: {
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
                    "application/json": components["schemas"]["AssetUpdateInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Asset"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/assets/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import assets from CSV: new names are added, existing ones get the columns the file has
         * @description Bad rows are reported with their line and skipped; a bad header refuses the whole file.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The CSV text: a header (`name` required; hostnames, addresses, users, owner, criticality, tags) and one asset a row, lists separated by `;`. */
                        content: string;
                        /**
                         * @description Only report what the import would do.
                         * @default false
                         */
                        dryRun?: boolean;
                        tenant: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AssetImportReport"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assets/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The assets behind a host name, an address or a user name, as an alert shows them */
        get: {
            parameters: {
                query: {
                    host?: string;
                    /** @description Addresses (repeat the parameter for several). */
                    ip?: string | string[];
                    tenant: string;
                    user?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assets: components["schemas"]["Asset"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Page through the audit log */
        get: {
            parameters: {
                query?: {
                    /** @description Action or its prefix ("user." matches user.create). */
                    action?: string;
                    /** @description Actor id (user id). */
                    actor?: string;
                    cursor?: string;
                    /** @description Start (inclusive): ISO 8601, epoch ms or now-24h style. */
                    from?: string;
                    limit?: number;
                    outcome?: "success" | "denied" | "failure";
                    tenant?: string;
                    /** @description End (exclusive). */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            entries: components["schemas"]["AuditEntry"][];
                            next?: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
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
        /**
         * Sign in with a user name and password
         * @description Sets the httpOnly `yagura_session` cookie and returns the CSRF token the session needs on state changes. Attempts are rate limited per address and per user name (429 with Retry-After); repeated wrong passwords lock the account.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                        username: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Send it as X-CSRF-Token on every POST, PATCH, PUT and DELETE of this session. */
                            csrfToken: string;
                            /** @description Epoch ms when the session ends if it stays unused. */
                            expiresAt: number;
                            user: components["schemas"]["SignedInUser"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
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
        /**
         * Sign out (end this session)
         * @description Ends the session of the cookie and clears it. With a bearer token there is nothing to end.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Signed out. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who this request acts as */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The session's CSRF token (session callers only). */
                            csrfToken?: string;
                            /** @description The console language the user chose; null until they choose one. */
                            language: ("ja" | "en") | null;
                            /** @description Permissions the caller holds (docs/roles.md): the role's, narrowed to a token's scopes. */
                            permissions: string[];
                            /** @description The token's scopes, when it has any. */
                            scopes?: string[];
                            user: components["schemas"]["SignedInUser"];
                            /** @enum {string} */
                            via: "session" | "token";
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Change the caller's own console preferences
         * @description Any signed-in user (or their token) may, for their own account; the change is audited.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description Console language.
                         * @enum {string}
                         */
                        language: "ja" | "en";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            language: "ja" | "en";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/communication-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Communication templates: the library's and the playbooks' */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            templates: components["schemas"]["CommunicationTemplate"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/communication-templates/{id}/render": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Draft a communication from a template with the incident's facts, a contact and given values */
        post: {
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
                    "application/json": components["schemas"]["TemplateRenderRequestInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CommunicationDraft"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/communications/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open requests of the tenants' incidents (waiting on a vendor, an ISP...), due first */
        get: {
            parameters: {
                query?: {
                    overdue?: "true";
                    /** @description Tenant ids (repeat the parameter for several); all the caller's tenants when absent. */
                    tenant?: string | string[];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            communications: components["schemas"]["Communication"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenants' contacts and the installation-wide ones */
        get: {
            parameters: {
                query?: {
                    kind?: "customer_csirt" | "management" | "vendor" | "isp" | "jpcert" | "police" | "regulator" | "legal" | "pr" | "other";
                    /** @description Words in the organization, name, title or escalation notes. */
                    q?: string;
                    /** @description Include installation-wide contacts (default true). */
                    shared?: "true" | "false";
                    /** @description Tenant ids (repeat the parameter for several); all the caller's tenants when absent. */
                    tenant?: string | string[];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            contacts: components["schemas"]["Contact"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Add a contact to a tenant (or, with tenant null, to the whole installation) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        contact: components["schemas"]["NewContactInput"];
                        /** @description null: installation-wide (needs every tenant). */
                        tenant: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Contact"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A contact */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Contact"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Remove a contact (communications logged with it keep its name) */
        delete: {
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
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a contact (audited) */
        patch: {
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
                    "application/json": components["schemas"]["ContactChangeInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Contact"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/detection/intel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The indicator sets in use (configured and imported) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            sets: components["schemas"]["IntelSet"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/detection/intel/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Import or replace an indicator set (CSV, STIX 2.1, MISP); detection reloads with it */
        put: {
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
                        /** @description The file as text: CSV, a STIX 2.1 bundle or a MISP event (JSON). */
                        content: string;
                        /**
                         * @description Told from the content when absent.
                         * @enum {string}
                         */
                        format?: "csv" | "stix" | "misp";
                        /** @enum {string} */
                        level?: "informational" | "low" | "medium" | "high" | "critical";
                        name?: string;
                        ttlDays?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Entries that could not be used, with their line or index. */
                            problems: {
                                entry?: string;
                                file?: string;
                                index?: number;
                                line?: number;
                                reason: string;
                            }[];
                            set: components["schemas"]["IntelSet"];
                            /** @description Entries left out on purpose (revoked, not to_ids, ...). */
                            skipped: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /** Remove an imported indicator set */
        delete: {
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
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/detection/reload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Load the rule sets and indicator files again, without a restart */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DetectionStatus"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/detection/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What detection runs: rule sets, correlations, indicators, and the rules it refused */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DetectionStatus"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
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
        /** The tenants' escalation policies (webhook secrets never shown) */
        get: {
            parameters: {
                query?: {
                    /** @description Tenant ids (repeat the parameter for several); all the caller's tenants when absent. */
                    tenant?: string | string[];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            policies: components["schemas"]["EscalationPolicy"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create an escalation policy for a tenant (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        policy: {
                            /** @default [] */
                            categories?: string[];
                            channels: ({
                                /** @enum {string} */
                                kind: "email";
                                /** @default [] */
                                to?: string[];
                            } | {
                                /** @enum {string} */
                                kind: "webhook";
                                secret: string;
                                url: string;
                            } | {
                                /** @enum {string} */
                                flavor: "slack" | "teams" | "teams-adaptive";
                                /** @enum {string} */
                                kind: "chat";
                                url: string;
                            })[];
                            /** @default [] */
                            contacts?: {
                                /** Format: email */
                                email?: string;
                                name: string;
                                note?: string;
                                phone?: string;
                            }[];
                            /** @default true */
                            enabled?: boolean;
                            /** @enum {string} */
                            language: "ja" | "en";
                            /** @enum {string} */
                            minSeverity: "informational" | "low" | "medium" | "high" | "critical";
                            name: string;
                            /** @default 100 */
                            priority?: number;
                            /** @default null */
                            responseTargetMinutes?: number | null;
                        };
                        tenant: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EscalationPolicy"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/escalation-policies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An escalation policy */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EscalationPolicy"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete an escalation policy */
        delete: {
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
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change an escalation policy (a webhook left without its secret keeps the stored one) */
        patch: {
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
                        categories?: string[];
                        channels?: (({
                            /** @enum {string} */
                            kind: "email";
                            /** @default [] */
                            to?: string[];
                        } | {
                            /** @enum {string} */
                            kind: "webhook";
                            secret: string;
                            url: string;
                        } | {
                            /** @enum {string} */
                            flavor: "slack" | "teams" | "teams-adaptive";
                            /** @enum {string} */
                            kind: "chat";
                            url: string;
                        }) | {
                            /** @enum {string} */
                            kind: "webhook";
                            secret?: string;
                            url: string;
                        })[];
                        contacts?: {
                            /** Format: email */
                            email?: string;
                            name: string;
                            note?: string;
                            phone?: string;
                        }[];
                        enabled?: boolean;
                        /** @enum {string} */
                        language?: "ja" | "en";
                        /** @enum {string} */
                        minSeverity?: "informational" | "low" | "medium" | "high" | "critical";
                        name?: string;
                        priority?: number;
                        responseTargetMinutes?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EscalationPolicy"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/events/aggregate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Count events by field value or by time */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Count by the values of a field (terms) or by time (histogram). */
                        by: {
                            terms: {
                                /** @description Field to count values of. */
                                field: string;
                                /**
                                 * @description Most frequent values returned (default 10).
                                 * @default 10
                                 */
                                size?: number;
                            };
                        } | {
                            histogram: {
                                /**
                                 * @description Bucket width: ms, or "30s", "5m", "1h", "1d", or "auto" (about 60 buckets).
                                 * @default auto
                                 */
                                interval?: string | number;
                            };
                        };
                        /**
                         * @description Start (inclusive): ISO 8601, epoch, or now-15m style. Default now-24h.
                         * @default now-24h
                         */
                        from?: string;
                        /**
                         * @description Search query (empty or * for all events).
                         * @default
                         */
                        query?: string;
                        /** @description Tenants to search (default: every tenant the caller may read). */
                        tenants?: string[];
                        /**
                         * @description End (exclusive), same forms as from. Default now.
                         * @default now
                         */
                        to?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            buckets: {
                                count: number;
                                /** @description Field value, or bucket start in epoch ms. */
                                key: string | number | boolean | null;
                            }[];
                            /** @description Histogram bucket width used. */
                            intervalMs?: number;
                            tookMs: number;
                            /** @description Events matched in all. */
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export events as CSV or JSON Lines
         * @description Streams every event the search selects (up to `limit`) as a download. CSV is UTF-8 with a byte order mark, quoted per RFC 4180, arrays joined with "|", times in ISO 8601 UTC, and text a spreadsheet would run as a formula prefixed with '. Bad input is answered with the usual error before any byte is sent; the export is recorded in the audit log when it ends.
         */
        get: {
            parameters: {
                query?: {
                    /** @description CSV only: comma-separated fields, e.g. @timestamp,tenant,source.ip,tags,raw. Default @timestamp,tenant,input,message. */
                    columns?: string;
                    /** @description csv (default) or jsonl (one Event per line). */
                    format?: "csv" | "jsonl";
                    /** @description Start (inclusive): ISO 8601, epoch, or now-15m style. Default now-24h. */
                    from?: string;
                    /** @description Most events written, 1..1000000 (default 100000). */
                    limit?: number;
                    /** @description Newest first (desc, default) or oldest first. */
                    order?: "desc" | "asc";
                    /** @description Search query (empty or * for all events). */
                    query?: string;
                    /** @description Comma-separated tenants (default: every tenant the caller may read). */
                    tenants?: string;
                    /** @description End (exclusive), same forms as from. Default now. */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The events, as a file download. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/x-ndjson": string;
                        "text/csv": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search events (query string) */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    /** @description Start (inclusive): ISO 8601, epoch, or now-15m style. Default now-24h. */
                    from?: string;
                    /** @description Page size, 1..10000 (default 100). */
                    limit?: number;
                    /** @description Newest first (desc, default) or oldest first. */
                    order?: "desc" | "asc";
                    /** @description Search query (empty or * for all events). */
                    query?: string;
                    /** @description Comma-separated tenants (default: every tenant the caller may read). */
                    tenants?: string;
                    /** @description End (exclusive), same forms as from. Default now. */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            events: components["schemas"]["Event"][];
                            /** @description Cursor for the next page; absent on the last page. */
                            next?: string;
                            tookMs: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Search events */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The `next` of the previous page. */
                        cursor?: string;
                        /**
                         * @description Start (inclusive): ISO 8601, epoch, or now-15m style. Default now-24h.
                         * @default now-24h
                         */
                        from?: string;
                        /**
                         * @description Page size, 1..10000 (default 100).
                         * @default 100
                         */
                        limit?: number;
                        /**
                         * @description Newest first (desc, default) or oldest first.
                         * @default desc
                         * @enum {string}
                         */
                        order?: "desc" | "asc";
                        /**
                         * @description Search query (empty or * for all events).
                         * @default
                         */
                        query?: string;
                        /** @description Tenants to search (default: every tenant the caller may read). */
                        tenants?: string[];
                        /**
                         * @description End (exclusive), same forms as from. Default now.
                         * @default now
                         */
                        to?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            events: components["schemas"]["Event"][];
                            /** @description Cursor for the next page; absent on the last page. */
                            next?: string;
                            tookMs: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/evidence/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An evidence item */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Evidence"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Dispose of an evidence item (refused under legal hold); the record and ledger stay, the file goes once unreferenced */
        delete: {
            parameters: {
                query: {
                    /** @description Where from: a place or an address; the request's address when absent. */
                    from?: string;
                    /** @description Why, in your words; kept in the custody ledger. */
                    reason: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            evidence: components["schemas"]["Evidence"];
                            /** @description False when another item still refers to the same bytes (they are kept for it). */
                            fileRemoved: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/evidence/{id}/custody": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The custody ledger of an evidence item, with the chain checked */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Custody"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Record handling that happened outside Yagura (collected, transferred, analysed, accessed) */
        post: {
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
                        /**
                         * @description What happened; the other actions are recorded by Yagura.
                         * @enum {string}
                         */
                        action: "collected" | "transferred" | "analysed" | "accessed";
                        /** @description Where from: a place or an address; the request's address when absent. */
                        from?: string;
                        /** @description SHA-256 after the handling, if checked. */
                        hashAfter?: string;
                        /** @description SHA-256 before the handling, if checked. */
                        hashBefore?: string;
                        note?: string;
                        /** @description Why, in your words; kept in the custody ledger. */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CustodyEntry"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
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
        /**
         * Download the file, after re-checking its SHA-256 (recorded in the custody ledger)
         * @description Answers the stored bytes as application/octet-stream with Content-Disposition: attachment (the original name, RFC 6266 filename*), X-Evidence-SHA256 and X-Evidence-Content-Type. If the stored file no longer has the SHA-256 recorded on arrival, answers 409 EVIDENCE_ALTERED naming the file and both hashes, and records "verification_failed".
         */
        get: {
            parameters: {
                query: {
                    /** @description Where from: a place or an address; the request's address when absent. */
                    from?: string;
                    /** @description Why, in your words; kept in the custody ledger. */
                    reason: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/evidence/{id}/hold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Place an evidence item under legal hold (it cannot be disposed of until released) */
        post: {
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
                        /** @description Where from: a place or an address; the request's address when absent. */
                        from?: string;
                        /** @description Why, in your words; kept in the custody ledger. */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Evidence"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/evidence/{id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Release an evidence item's legal hold */
        post: {
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
                        /** @description Where from: a place or an address; the request's address when absent. */
                        from?: string;
                        /** @description Why, in your words; kept in the custody ledger. */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Evidence"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/evidence/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check an evidence item end to end: stored bytes, arrival hash, custody chain (recorded) */
        post: {
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
                        /** @description Where from: a place or an address; the request's address when absent. */
                        from?: string;
                        /** @description Why; "Integrity check" when absent. */
                        reason?: string;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EvidenceCheck"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/findings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Findings, newest first */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    /** @description Start (inclusive): ISO 8601, epoch ms, or relative such as now-24h. */
                    from?: string;
                    /** @description Finding ids (repeat the parameter for several), e.g. the ones an alert links. */
                    id?: string | string[];
                    kind?: "sigma" | "correlation" | "intel";
                    level?: "informational" | "low" | "medium" | "high" | "critical";
                    limit?: number;
                    /** @description A rule id (UUID), or intel:<set>. */
                    rule?: string;
                    tenant?: string | string[];
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            findings: components["schemas"]["Finding"][];
                            next?: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/findings/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** New findings as they are recorded (text/event-stream: one `finding` event each) */
        get: {
            parameters: {
                query?: {
                    tenant?: string | string[];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Health of this node
         * @description Answers 200 when ok, 503 when degraded or stopping, so a load balancer can act on the status alone.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            queue: {
                                capacity?: number;
                                closing: boolean;
                                depth?: number;
                                full: boolean;
                            };
                            /**
                             * @description ok; degraded when the store fails or the queue is full; stopping while draining.
                             * @enum {string}
                             */
                            status: "ok" | "degraded" | "stopping";
                            store: {
                                bytes?: number;
                                /** @description Free space is below the reserve: new events are refused until retention frees room. */
                                diskLow?: boolean;
                                error?: string;
                                events?: number;
                                /** @description Free space on the disk of the data folder. */
                                freeBytes?: number;
                                ok: boolean;
                            };
                            uptimeSeconds: number;
                            version: string;
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            queue: {
                                capacity?: number;
                                closing: boolean;
                                depth?: number;
                                full: boolean;
                            };
                            /**
                             * @description ok; degraded when the store fails or the queue is full; stopping while draining.
                             * @enum {string}
                             */
                            status: "ok" | "degraded" | "stopping";
                            store: {
                                bytes?: number;
                                /** @description Free space is below the reserve: new events are refused until retention frees room. */
                                diskLow?: boolean;
                                error?: string;
                                events?: number;
                                /** @description Free space on the disk of the data folder. */
                                freeBytes?: number;
                                ok: boolean;
                            };
                            uptimeSeconds: number;
                            version: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hunts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recent retro-hunts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            hunts: components["schemas"]["Hunt"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Start a retro-hunt (runs in the background; follow it with GET /api/hunts/:id) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description ISO 8601, epoch ms, or relative such as now-7d. */
                        from: string;
                        /** @description Ids or names of loaded rules or correlations. */
                        rules?: string[];
                        /** @description Sigma YAML: rules and correlations to run. */
                        ruleText?: string;
                        tenants?: string[];
                        /** @default now */
                        to?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Hunt"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hunts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A retro-hunt's progress */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Hunt"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Stop a retro-hunt */
        delete: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Hunt"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hunts/{id}/findings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A retro-hunt's findings, in event time order */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            findings: {
                                correlation?: {
                                    [key: string]: unknown;
                                };
                                /** @description The matched events (a correlation: a sample). */
                                events: {
                                    [key: string]: unknown;
                                }[];
                                /** @enum {string} */
                                kind: "sigma" | "correlation" | "intel";
                                matched: {
                                    [key: string]: unknown;
                                };
                                rule: {
                                    author?: string;
                                    id: string;
                                    /** @enum {string} */
                                    level: "informational" | "low" | "medium" | "high" | "critical";
                                    tags: string[];
                                    title: string;
                                };
                                tenant: string;
                                time: number;
                            }[];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incident-tasks/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's open tasks across incidents, soonest due first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description Default todo and in_progress. */
                    status?: ("todo" | "in_progress" | "done" | "skipped") | ("todo" | "in_progress" | "done" | "skipped")[];
                    /** @description Tenant ids (repeat the parameter for several); all the caller's tenants when absent. */
                    tenant?: string | string[];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tasks: components["schemas"]["IncidentTask"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Incidents, newest first, with filters */
        get: {
            parameters: {
                query?: {
                    /** @description A user id, `me`, or `none` for unassigned incidents. */
                    assignee?: string;
                    category?: ("malware" | "phishing" | "unauthorized_access" | "dos" | "data_leak" | "web_defacement" | "insider" | "vulnerability" | "other") | ("malware" | "phishing" | "unauthorized_access" | "dos" | "data_leak" | "web_defacement" | "insider" | "vulnerability" | "other")[];
                    /** @description The `next` of the previous page. */
                    cursor?: string;
                    limit?: number;
                    phase?: ("detection_analysis" | "containment" | "eradication" | "recovery" | "post_incident") | ("detection_analysis" | "containment" | "eradication" | "recovery" | "post_incident")[];
                    /** @description This severity and above. */
                    severity?: "informational" | "low" | "medium" | "high" | "critical";
                    status?: ("open" | "closed") | ("open" | "closed")[];
                    /** @description Tenant ids (repeat the parameter for several); all the caller's tenants when absent. */
                    tenant?: string | string[];
                    /** @description Words of the title or description, or a reference INC-2026-0007. */
                    text?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            incidents: components["schemas"]["Incident"][];
                            next?: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Open an incident by hand or from a report, with its category's playbook tasks */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Asset ids of the tenant's inventory. */
                        affectedAssets?: string[];
                        affectedUsers?: string[];
                        /** @description User ids or names. */
                        assignees?: string[];
                        /**
                         * @description The incident category (docs/incidents.md).
                         * @enum {string}
                         */
                        category: "malware" | "phishing" | "unauthorized_access" | "dos" | "data_leak" | "web_defacement" | "insider" | "vulnerability" | "other";
                        description?: string;
                        dueAt?: (number | string) | null;
                        /**
                         * @description Default from the severity: critical P1, high P2, medium P3, else P4.
                         * @enum {string}
                         */
                        priority?: "P1" | "P2" | "P3" | "P4";
                        /**
                         * @description Default medium (from alerts: the most severe alert).
                         * @enum {string}
                         */
                        severity?: "informational" | "low" | "medium" | "high" | "critical";
                        /**
                         * @description How it came in (default manual); incidents from alerts use /api/incidents/from-alerts.
                         * @enum {string}
                         */
                        source?: "customer_report" | "inquiry" | "email" | "manual";
                        /** @description What the source refers to, such as an inquiry id. */
                        sourceRef?: string;
                        tenant: string;
                        title: string;
                        /**
                         * @description Default amber.
                         * @enum {string}
                         */
                        tlp?: "clear" | "green" | "amber" | "amber+strict" | "red";
                        /** @description Create the category's playbook tasks (default true). */
                        withPlaybook?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IncidentDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One incident with its tasks, alerts, observables, links and counts */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IncidentDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change an incident's fields
         * @description Each change is listed on the timeline. A new category does not add its playbook tasks.
         */
        patch: {
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
                        /** @description Asset ids of the tenant's inventory. */
                        affectedAssets?: string[];
                        affectedUsers?: string[];
                        /**
                         * @description The incident category (docs/incidents.md).
                         * @enum {string}
                         */
                        category?: "malware" | "phishing" | "unauthorized_access" | "dos" | "data_leak" | "web_defacement" | "insider" | "vulnerability" | "other";
                        description?: string;
                        dueAt?: (number | string) | null;
                        /**
                         * @description Default from the severity: critical P1, high P2, medium P3, else P4.
                         * @enum {string}
                         */
                        priority?: "P1" | "P2" | "P3" | "P4";
                        /**
                         * @description Default medium (from alerts: the most severe alert).
                         * @enum {string}
                         */
                        severity?: "informational" | "low" | "medium" | "high" | "critical";
                        title?: string;
                        /**
                         * @description Default amber.
                         * @enum {string}
                         */
                        tlp?: "clear" | "green" | "amber" | "amber+strict" | "red";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Incident"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/incidents/{id}/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Link more alerts of the same tenant; nothing already known is added twice */
        post: {
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
                        alertIds: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IncidentDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/assignees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set who handles an incident (users who work in its tenant); [] unassigns all */
        put: {
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
                        /** @description User ids or names. */
                        assignees: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Incident"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close an incident, with a reason */
        post: {
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
                        /** @description Why: kept on the timeline and in the audit log (required). */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Incident"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Comment on an incident (a timeline entry of kind comment)
         * @description The customer's CSIRT may comment too (incidents:comment).
         */
        post: {
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
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TimelineEntry"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/communications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An incident's communications, in the order they happened */
        get: {
            parameters: {
                query?: {
                    /** @description Only open requests past their due time. */
                    overdue?: "true";
                    /** @description Only requests in this status. */
                    requestStatus?: "open" | "answered" | "closed";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            communications: components["schemas"]["Communication"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Log a communication in an incident (writes a timeline entry) */
        post: {
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
                    "application/json": components["schemas"]["NewCommunicationInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Communication"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/communications/{communicationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a logged communication, e.g. a request's status (writes a timeline entry) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    communicationId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CommunicationChangeInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Communication"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/incidents/{id}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An incident's evidence items, oldest first (disposed ones too) */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            evidence: components["schemas"]["Evidence"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Add evidence to an incident: the raw request body is the file (streamed, hashed on arrival)
         * @description Send the file as the body (any Content-Type, kept on the item) and the rest as query parameters. The SHA-256 is computed while the body is streamed to disk; the first custody entry ("uploaded") records it with who, when, from where and why. Needs incidents:manage.
         */
        post: {
            parameters: {
                query: {
                    description?: string;
                    /** @description Where from: a place or an address; the request's address when absent. */
                    from?: string;
                    /** @description The original file name (required). */
                    name: string;
                    /** @description Why it is added (required); the first custody entry keeps it. */
                    reason: string;
                    /** @description Where it came from: host, who collected it, how (e.g. "WS01, collected by aoi with KAPE"). */
                    source?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "*/*": string;
                    "application/octet-stream": string;
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Evidence"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Link another incident of the same tenant */
        post: {
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
                        incidentId: string;
                        /**
                         * @description What the other incident is to this one: related, duplicate, parent or child.
                         * @enum {string}
                         */
                        relation: "related" | "duplicate" | "parent" | "child";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IncidentDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/links/{otherId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove the link between two incidents */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    otherId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IncidentDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/observables": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An incident's observables */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            observables: components["schemas"]["IncidentObservable"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Add one observable of a type (defanged IPs, domains, URLs and e-mails accepted)
         * @description A value that is not one of its type is 400 OBSERVABLE_INVALID, saying why.
         */
        post: {
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
                        note?: string;
                        /** @enum {string} */
                        type: "ip" | "domain" | "url" | "md5" | "sha1" | "sha256" | "email" | "user" | "host" | "file_path" | "registry_key";
                        value: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ObservablesAdded"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/observables.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download an incident's observables as CSV */
        get: {
            parameters: {
                query?: {
                    /** @description Write hxxp and [.] forms, so a spreadsheet does not make live links. */
                    defang?: "true" | "false";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The observables as CSV. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/observables.stix.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download an incident's observables as a STIX 2.1 bundle of indicators */
        get: {
            parameters: {
                query?: {
                    /** @description The organisation sharing it. */
                    createdBy?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A STIX 2.1 bundle. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            objects: {
                                [key: string]: unknown;
                            }[];
                            /** @enum {string} */
                            type: "bundle";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/observables/{obsId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove an observable */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    obsId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/observables/{obsId}/sightings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Search all stored events of the incident's tenant for the observable
         * @description Counts the events, lists the distinct hosts (host.name) and the first and last time, over the store's whole retention; the result is kept on the observable.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    obsId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IncidentObservable"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/observables/extract": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add every observable found in pasted text (an e-mail, a report, log lines) */
        post: {
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
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ObservablesAdded"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/phase": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move an incident to another response phase */
        post: {
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
                        note?: string;
                        /**
                         * @description A response phase (NIST SP 800-61).
                         * @enum {string}
                         */
                        phase: "detection_analysis" | "containment" | "eradication" | "recovery" | "post_incident";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Incident"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reopen a closed incident, with a reason */
        post: {
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
                        /** @description Why: kept on the timeline and in the audit log (required). */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Incident"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An incident's reports generated so far, newest first */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            reports: components["schemas"]["IncidentReportRecord"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Generate a flash or final report as HTML or PDF (PDF needs Chromium and a Japanese font); recorded on the timeline */
        post: {
            parameters: {
                query?: {
                    format?: "html" | "pdf";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description pdf or html (generating only; the query parameter `format` works too, the body wins).
                         * @enum {string}
                         */
                        format?: "html" | "pdf";
                        /**
                         * @description flash: 速報 while the incident is handled; final: 最終報告書.
                         * @enum {string}
                         */
                        kind: "flash" | "final";
                        /** @enum {string} */
                        language: "ja" | "en";
                        /** @description Who the report is addressed to (宛先). */
                        recipient?: string;
                        /**
                         * @description The analyst's text: summary, impact, actionsTaken, nextSteps (flash); cause, impact, response, recommendations (final).
                         * @default {}
                         */
                        sections?: {
                            actionsTaken?: string;
                            cause?: string;
                            impact?: string;
                            nextSteps?: string;
                            recommendations?: string;
                            response?: string;
                            summary?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description The report; X-Report-Sequence gives its number (第N報). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                        "text/html": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/reports/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The report as HTML, to look at before generating it (not recorded) */
        post: {
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
                        /**
                         * @description pdf or html (generating only; the query parameter `format` works too, the body wins).
                         * @enum {string}
                         */
                        format?: "html" | "pdf";
                        /**
                         * @description flash: 速報 while the incident is handled; final: 最終報告書.
                         * @enum {string}
                         */
                        kind: "flash" | "final";
                        /** @enum {string} */
                        language: "ja" | "en";
                        /** @description Who the report is addressed to (宛先). */
                        recipient?: string;
                        /**
                         * @description The analyst's text: summary, impact, actionsTaken, nextSteps (flash); cause, impact, response, recommendations (final).
                         * @default {}
                         */
                        sections?: {
                            actionsTaken?: string;
                            cause?: string;
                            impact?: string;
                            nextSteps?: string;
                            recommendations?: string;
                            response?: string;
                            summary?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description The report as one HTML document. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An incident's tasks in order */
        get: {
            parameters: {
                query?: {
                    /** @description A user id, or `me`. */
                    owner?: string;
                    status?: ("todo" | "in_progress" | "done" | "skipped") | ("todo" | "in_progress" | "done" | "skipped")[];
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tasks: components["schemas"]["IncidentTask"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Add a task by hand */
        post: {
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
                        /** @description Steps, in order. */
                        checklist?: string[];
                        description?: string;
                        /** @description Epoch ms, ISO 8601 or a relative time such as now-2h. */
                        dueAt?: number | string;
                        /** @description A user id or name who works in the tenant. */
                        owner?: string;
                        /**
                         * @description A response phase (NIST SP 800-61).
                         * @enum {string}
                         */
                        phase: "detection_analysis" | "containment" | "eradication" | "recovery" | "post_incident";
                        /** @enum {string} */
                        role?: "soc_analyst" | "csirt" | "it_ops" | "management" | "legal" | "pr" | "hr" | "helpdesk";
                        title: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IncidentTask"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/tasks/{taskId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a task: owner, due date, status, notes, checklist marks */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    taskId: string;
                };
                cookie?: never;
            };
            /** @description A task's owner with incidents:comment (the customer's CSIRT) may change status, notes and checklist. */
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Marks by position in the checklist (0 is the first step). */
                        checklist?: {
                            done: boolean;
                            index: number;
                        }[];
                        dueAt?: (number | string) | null;
                        notes?: string | null;
                        /** @description A user id or name; null removes the owner. */
                        owner?: string | null;
                        /** @enum {string} */
                        status?: "todo" | "in_progress" | "done" | "skipped";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IncidentTask"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/incidents/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An incident's timeline in time order (event time where known) */
        get: {
            parameters: {
                query?: {
                    /** @description From (inclusive), on the entry's event time where it has one. */
                    from?: string;
                    /** @description Kinds (repeat for several). */
                    kind?: ("created" | "status" | "phase" | "assignment" | "alert" | "task" | "observable" | "evidence" | "communication" | "inquiry" | "report" | "comment" | "manual") | ("created" | "status" | "phase" | "assignment" | "alert" | "task" | "observable" | "evidence" | "communication" | "inquiry" | "report" | "comment" | "manual")[];
                    /** @description Before (exclusive). */
                    to?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            entries: components["schemas"]["TimelineEntry"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Add a manual timeline entry: what happened when, recorded now */
        post: {
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
                        details?: {
                            [key: string]: unknown;
                        };
                        /** @description When it happened; the entry is recorded now. */
                        eventTime?: number | string;
                        summary: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TimelineEntry"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/timeline.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download an incident's timeline as CSV
         * @description UTF-8 with a byte order mark, RFC 4180 quoting, times in ISO 8601 UTC, text a spreadsheet would run as a formula prefixed with '.
         */
        get: {
            parameters: {
                query?: {
                    /** @description From (inclusive), on the entry's event time where it has one. */
                    from?: string;
                    /** @description Kinds (repeat for several). */
                    kind?: ("created" | "status" | "phase" | "assignment" | "alert" | "task" | "observable" | "evidence" | "communication" | "inquiry" | "report" | "comment" | "manual") | ("created" | "status" | "phase" | "assignment" | "alert" | "task" | "observable" | "evidence" | "communication" | "inquiry" | "report" | "comment" | "manual")[];
                    /** @description Before (exclusive). */
                    to?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The timeline as CSV. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/from-alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open one incident from alerts of one tenant, merging their observables, assets and users
         * @description The alerts' entities (host, user, addresses) and their findings' matched values become observables, each once; each alert is a timeline entry at its first sight.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Asset ids of the tenant's inventory. */
                        affectedAssets?: string[];
                        affectedUsers?: string[];
                        /** @description Alerts of one tenant. */
                        alertIds: string[];
                        assignees?: string[];
                        /**
                         * @description Default other.
                         * @enum {string}
                         */
                        category?: "malware" | "phishing" | "unauthorized_access" | "dos" | "data_leak" | "web_defacement" | "insider" | "vulnerability" | "other";
                        description?: string;
                        dueAt?: (number | string) | null;
                        /**
                         * @description Default from the severity: critical P1, high P2, medium P3, else P4.
                         * @enum {string}
                         */
                        priority?: "P1" | "P2" | "P3" | "P4";
                        /**
                         * @description Default medium (from alerts: the most severe alert).
                         * @enum {string}
                         */
                        severity?: "informational" | "low" | "medium" | "high" | "critical";
                        /** @description Default: the most severe alert's rule title. */
                        title?: string;
                        /**
                         * @description Default amber.
                         * @enum {string}
                         */
                        tlp?: "clear" | "green" | "amber" | "amber+strict" | "red";
                        withPlaybook?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IncidentDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ingest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send events
         * @description Queues events for normalization and storage. NDJSON lines that are not JSON objects are still stored, raw and tagged parse_error, and listed in `invalidLines`. `Authorization: Bearer <token>` selects the tenant: a token of `inputs.http.tokens` or one created with POST /api/tenants/{id}/ingest-tokens. While no ingest token exists in either place, no token is asked for and events go to the default tenant.
         */
        post: {
            parameters: {
                query?: {
                    /** @description Pin a format or device parser (e.g. "fortigate") instead of detecting each message. */
                    parser?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    } | ({
                        [key: string]: unknown;
                    } | string)[];
                    "application/x-ndjson": string;
                    "text/plain": string;
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Messages queued, including the invalid lines (stored raw, tagged parse_error). */
                            accepted: number;
                            /** @description JSON array: 1-based positions of elements that are neither an object nor a string. */
                            invalidItems: number[];
                            /** @description NDJSON: 1-based numbers of lines that are not a JSON object. */
                            invalidLines: number[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ingest-tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an ingest or HEC token
         * @description Senders using it are refused within seconds.
         */
        delete: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IngestToken"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ingest/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What is arriving: events by input and tenant over time, parse errors, queue and storage */
        get: {
            parameters: {
                query?: {
                    /** @description Start (inclusive): ISO 8601, epoch, or now-15m style. Default now-24h. */
                    from?: string;
                    /** @description Comma-separated tenants (default: every tenant the caller may read). */
                    tenants?: string;
                    /** @description End (exclusive), same forms as from. Default now. */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IngestOverview"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inquiries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenants' inquiries, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description A user id, or `none`. */
                    assignee?: string;
                    cursor?: string;
                    limit?: number;
                    /** @description Only inquiries past a first-response or resolution due time. */
                    overdue?: "true";
                    /** @description Priorities: urgent, high, normal or low (repeat for several). */
                    priority?: ("urgent" | "high" | "normal" | "low") | ("urgent" | "high" | "normal" | "low")[];
                    /** @description Words in the subject or the body. */
                    q?: string;
                    /** @description Statuses (repeat for several). */
                    status?: ("new" | "answered" | "waiting_customer" | "resolved" | "closed") | ("new" | "answered" | "waiting_customer" | "resolved" | "closed")[];
                    /** @description Tenant ids (repeat the parameter for several); all the caller's tenants when absent. */
                    tenant?: string | string[];
                    /** @description Types: question, request or report (repeat for several). */
                    type?: ("question" | "request" | "report") | ("question" | "request" | "report")[];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            inquiries: components["schemas"]["Inquiry"][];
                            next?: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Submit an inquiry to the SOC (customer CSIRT) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        inquiry: components["schemas"]["NewInquiryInput"];
                        tenant: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Inquiry"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inquiries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An inquiry and its thread */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InquiryDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inquiries/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assign an inquiry to a SOC user (null: nobody) */
        post: {
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
                        assignee: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Inquiry"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inquiries/{id}/convert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open an incident for an inquiry and link them */
        post: {
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
                    "application/json": components["schemas"]["InquiryConvertInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            incidentId: string;
                            inquiry: components["schemas"]["Inquiry"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inquiries/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Write in the thread: an answer from the SOC or a reply from the customer (moves the status) */
        post: {
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
                    "application/json": components["schemas"]["InquiryMessageInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InquiryDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inquiries/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move an inquiry to another status (resolve, close, reopen) */
        post: {
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
                        /** @description Kept as a message in the thread. */
                        reason?: string;
                        /** @enum {string} */
                        status: "new" | "answered" | "waiting_customer" | "resolved" | "closed";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Inquiry"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inquiry-sla/{tenant}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A tenant's inquiry SLA targets */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenant: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InquirySla"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Set a tenant's inquiry SLA targets (admins); new inquiries use them */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenant: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["InquirySlaChangeInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InquirySla"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This OpenAPI document */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/playbooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The incident playbooks in force (starter ones and your own) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            languages: ("ja" | "en")[];
                            playbooks: components["schemas"]["Playbook"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the tenants open to the caller */
        get: {
            parameters: {
                query?: {
                    /** @description The `next` of the previous page. */
                    cursor?: string;
                    /** @description Page size, 1..500 (default 100). */
                    limit?: number;
                    /** @description Filter by state (default all). */
                    status?: "active" | "disabled" | "all";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Tenant"][];
                            /** @description Cursor for the next page; absent on the last page. */
                            next?: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a tenant */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Defaults to the name in lowercase with "-" for others. */
                        id?: string;
                        /** @enum {string} */
                        language?: "ja" | "en";
                        name: string;
                        retentionDays?: number | null;
                        sources?: string[];
                        /** @description IANA time zone, e.g. Asia/Tokyo. */
                        timeZone?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Tenant"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tenants/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One tenant */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Tenant"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Rename a tenant or change its settings
         * @description `sources` replaces the whole list.
         */
        patch: {
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
                        /** @enum {string} */
                        language?: "ja" | "en";
                        name?: string;
                        retentionDays?: number | null;
                        sources?: string[];
                        /** @description IANA time zone, e.g. Asia/Tokyo. */
                        timeZone?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Tenant"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/tenants/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable a tenant (its users can no longer act in it) */
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Tenant"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tenants/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enable a tenant */
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Tenant"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tenants/{id}/ingest-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a tenant's ingest and HEC tokens */
        get: {
            parameters: {
                query?: {
                    /** @description The `next` of the previous page. */
                    cursor?: string;
                    kind?: "ingest" | "hec";
                    /** @description Page size, 1..500 (default 100). */
                    limit?: number;
                    status?: "active" | "revoked" | "all";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["IngestToken"][];
                            /** @description Cursor for the next page; absent on the last page. */
                            next?: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create an ingest or HEC token for a tenant
         * @description Events sent with the token land in this tenant. The secret is shown only once.
         */
        post: {
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
                        /** @enum {string} */
                        kind: "ingest" | "hec";
                        /** @description Which sender uses it; HEC events keep it in `hec.token_name`. */
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description ingest: `ygi_...`, sent as `Authorization: Bearer <secret>`; hec: a UUID, sent as `Authorization: Splunk <secret>`. Shown only in this response. */
                            secret: string;
                            token: components["schemas"]["IngestToken"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tenants/{id}/rule-sets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The rule sets a tenant runs */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ruleSets: {
                                enabled: boolean;
                                /** @description Whether the tenant has its own setting; otherwise the set's default applies. */
                                own: boolean;
                                ruleSet: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tenants/{id}/rule-sets/{ruleSet}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Enable or disable a rule set for one tenant (audited; takes effect with the next batch) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    ruleSet: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enabled: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ruleSets: {
                                enabled: boolean;
                                /** @description Whether the tenant has its own setting; otherwise the set's default applies. */
                                own: boolean;
                                ruleSet: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List API tokens */
        get: {
            parameters: {
                query?: {
                    /** @description The `next` of the previous page. */
                    cursor?: string;
                    /** @description Page size, 1..500 (default 100). */
                    limit?: number;
                    status?: "active" | "revoked" | "all";
                    /** @description Whose tokens (default the caller's; others: admins). */
                    user?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ApiToken"][];
                            /** @description Cursor for the next page; absent on the last page. */
                            next?: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create an API token */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description When it stops working: ISO 8601 or now+30d style. Default: never. */
                        expiresAt?: string;
                        name?: string;
                        /** @description Permissions it may use (default: all of the role). */
                        scopes?: string[];
                        /** @description Whose token (default the caller's; others: admins). */
                        userId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Send as `Authorization: Bearer <secret>`. Shown only in this response. */
                            secret: string;
                            token: components["schemas"]["ApiToken"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API token */
        delete: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiToken"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/triage/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Noise metrics per tenant for a period: findings, suppressed, alerts, escalations, FP rates */
        get: {
            parameters: {
                query?: {
                    /** @description Start (inclusive): ISO 8601, epoch ms or relative (default now-7d). */
                    from?: string;
                    /** @description Tenant ids (repeat the parameter for several); all the caller's tenants when absent. */
                    tenant?: string | string[];
                    /** @description End (exclusive; default now). */
                    to?: string;
                    /** @description How many rules topRules lists. */
                    top?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tenants: components["schemas"]["TenantNoise"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users (admins) */
        get: {
            parameters: {
                query?: {
                    /** @description The `next` of the previous page. */
                    cursor?: string;
                    /** @description Page size, 1..500 (default 100). */
                    limit?: number;
                    role?: "admin" | "soc_analyst" | "csirt" | "viewer";
                    status?: "active" | "disabled" | "all";
                    /** @description Only users assigned to this tenant. */
                    tenant?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["User"][];
                            /** @description Cursor for the next page; absent on the last page. */
                            next?: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a user (admins) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        displayName?: string;
                        password: string;
                        /** @enum {string} */
                        role: "admin" | "soc_analyst" | "csirt" | "viewer";
                        tenants?: string[];
                        username: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One user (one's own account, or any for admins) */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a user's role and tenants (admins) */
        patch: {
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
                        /**
                         * @description With a role, `tenants` is the new assignment (empty when absent).
                         * @enum {string}
                         */
                        role?: "admin" | "soc_analyst" | "csirt" | "viewer";
                        tenants?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/users/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable a user (admins) */
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enable a user (admins) */
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a password (one's own with the current one, or any for admins) */
        post: {
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
                        /** @description Required when users change their own password. */
                        currentPassword?: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Unlock a user (admins) */
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Prometheus text format 0.0.4. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/services/collector": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send HEC events
         * @description Splunk HEC event endpoint: JSON envelopes `{time?, host?, source?, sourcetype?, index?, event, fields?}` one after another (newlines optional). `Authorization: Splunk <token>`: a token of `inputs.http.hec.tokens` or a hec token created with POST /api/tenants/{id}/ingest-tokens. All or nothing: a bad envelope fails the request with its `invalid-event-number`.
         */
        post: {
            parameters: {
                query?: {
                    /** @description Splunk channel id (also read from X-Splunk-Request-Channel). */
                    channel?: string;
                    /** @description Default host for the events (`host.name`). */
                    host?: string;
                    /** @description Default index (`hec.index`). */
                    index?: string;
                    /** @description Default source (`hec.source`). */
                    source?: string;
                    /** @description Default sourcetype (`hec.sourcetype`). */
                    sourcetype?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": string;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HecAnswer"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HecAnswer"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HecAnswer"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HecAnswer"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HecAnswer"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HecAnswer"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HecAnswer"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/services/collector/event": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send HEC events
         * @description Splunk HEC event endpoint: JSON envelopes `{time?, host?, source?, sourcetype?, index?, event, fields?}` one after another (newlines optional). `Authorization: Splunk <token>`: a token of `inputs.http.hec.tokens` or a hec token created with POST /api/tenants/{id}/ingest-tokens. All or nothing: a bad envelope fails the request with its `invalid-event-number`.
         */
        post: {
            parameters: {
                query?: {
                    /** @description Splunk channel id (also read from X-Splunk-Request-Channel). */
                    channel?: string;
                    /** @description Default host for the events (`host.name`). */
                    host?: string;
                    /** @description Default index (`hec.index`). */
                    index?: string;
                    /** @description Default source (`hec.source`). */
                    source?: string;
                    /** @description Default sourcetype (`hec.sourcetype`). */
                    sourcetype?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": string;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HecAnswer"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HecAnswer"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HecAnswer"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HecAnswer"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HecAnswer"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HecAnswer"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HecAnswer"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/services/collector/event/1.0": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send HEC events
         * @description Splunk HEC event endpoint: JSON envelopes `{time?, host?, source?, sourcetype?, index?, event, fields?}` one after another (newlines optional). `Authorization: Splunk <token>`: a token of `inputs.http.hec.tokens` or a hec token created with POST /api/tenants/{id}/ingest-tokens. All or nothing: a bad envelope fails the request with its `invalid-event-number`.
         */
        post: {
            parameters: {
                query?: {
                    /** @description Splunk channel id (also read from X-Splunk-Request-Channel). */
                    channel?: string;
                    /** @description Default host for the events (`host.name`). */
                    host?: string;
                    /** @description Default index (`hec.index`). */
                    index?: string;
                    /** @description Default source (`hec.source`). */
                    source?: string;
                    /** @description Default sourcetype (`hec.sourcetype`). */
                    sourcetype?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": string;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HecAnswer"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HecAnswer"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HecAnswer"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HecAnswer"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HecAnswer"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HecAnswer"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HecAnswer"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/services/collector/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** HEC health */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HecAnswer"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HecAnswer"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/services/collector/health/1.0": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** HEC health */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HecAnswer"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HecAnswer"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/services/collector/raw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send raw HEC lines
         * @description Splunk HEC raw endpoint: each body line is one event; `channel`, `host`, `source`, `sourcetype` and `index` come from the query string.
         */
        post: {
            parameters: {
                query?: {
                    /** @description Splunk channel id (also read from X-Splunk-Request-Channel). */
                    channel?: string;
                    /** @description Default host for the events (`host.name`). */
                    host?: string;
                    /** @description Default index (`hec.index`). */
                    index?: string;
                    /** @description Default source (`hec.source`). */
                    source?: string;
                    /** @description Default sourcetype (`hec.sourcetype`). */
                    sourcetype?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "text/plain": string;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HecAnswer"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HecAnswer"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HecAnswer"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HecAnswer"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HecAnswer"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HecAnswer"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HecAnswer"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/services/collector/raw/1.0": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send raw HEC lines
         * @description Splunk HEC raw endpoint: each body line is one event; `channel`, `host`, `source`, `sourcetype` and `index` come from the query string.
         */
        post: {
            parameters: {
                query?: {
                    /** @description Splunk channel id (also read from X-Splunk-Request-Channel). */
                    channel?: string;
                    /** @description Default host for the events (`host.name`). */
                    host?: string;
                    /** @description Default index (`hec.index`). */
                    index?: string;
                    /** @description Default source (`hec.source`). */
                    source?: string;
                    /** @description Default sourcetype (`hec.sourcetype`). */
                    sourcetype?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "text/plain": string;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HecAnswer"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HecAnswer"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HecAnswer"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HecAnswer"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HecAnswer"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HecAnswer"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HecAnswer"];
                    };
                };
            };
        };
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
        /** @description Findings of one rule and entity within a window. Times are epoch ms. */
        Alert: {
            acknowledgedAt: number | null;
            assetIds: string[];
            /** @description A user id. */
            assignee: string | null;
            closedAt: number | null;
            createdAt: number;
            /** @description 1-5 from the asset inventory (3: no rated asset known). */
            criticality: number;
            entity: components["schemas"]["AlertEntity"];
            escalatedAt: number | null;
            events: number;
            findings: number;
            firstSeen: number;
            id: string;
            intelHits: number;
            /** @description sigma, correlation or intel. */
            kind: string;
            lastSeen: number;
            /** @description What the analysts decided, kept when the alert is closed. */
            resolution: ("false_positive" | "true_positive") | null;
            resolvedAt: number | null;
            rule: {
                id: string;
                /** @enum {string} */
                level: "informational" | "low" | "medium" | "high" | "critical";
                title: string;
            };
            sampleEventIds: string[];
            severity: {
                /** @enum {string} */
                level: "informational" | "low" | "medium" | "high" | "critical";
                /** @description 0-100, see docs/triage.md. */
                score: number;
            };
            /** @enum {string} */
            status: "new" | "acknowledged" | "in_progress" | "false_positive" | "true_positive" | "closed";
            tenant: string;
            updatedAt: number;
            /** @description New findings of the entity join this alert until this time, while it is open. */
            windowEnd: number;
        };
        /** @description An alert with its history, findings, assets and response times. */
        AlertDetail: {
            alert: components["schemas"]["Alert"];
            /** @description The inventory's assets behind the entity, as they are now. */
            assets: components["schemas"]["Asset"][];
            /** @description The linked findings, oldest first (at most 100). */
            findingIds: string[];
            history: components["schemas"]["AlertHistoryEntry"][];
            timing: {
                acknowledgeMs: number | null;
                acknowledgeOverdue: boolean;
                escalateMs: number | null;
                escalateOverdue: boolean;
                /** @description The tenant's response targets. */
                targets: {
                    acknowledgeMs: number;
                    escalateMs: number;
                };
            };
        };
        /** @description An alert with its history, findings, assets and response times. */
        AlertDetailInput: {
            alert: components["schemas"]["AlertInput"];
            /** @description The inventory's assets behind the entity, as they are now. */
            assets: components["schemas"]["AssetInput"][];
            /** @description The linked findings, oldest first (at most 100). */
            findingIds: string[];
            history: components["schemas"]["AlertHistoryEntryInput"][];
            timing: {
                acknowledgeMs: number | null;
                acknowledgeOverdue: boolean;
                escalateMs: number | null;
                escalateOverdue: boolean;
                /** @description The tenant's response targets. */
                targets: {
                    acknowledgeMs: number;
                    escalateMs: number;
                };
            };
        };
        /** @description What the alert is about; destination.ip only when there is no source address. */
        AlertEntity: {
            "destination.ip"?: string;
            "host.name"?: string;
            "source.ip"?: string;
            "user.name"?: string;
        };
        /** @description What the alert is about; destination.ip only when there is no source address. */
        AlertEntityInput: {
            "destination.ip"?: string;
            "host.name"?: string;
            "source.ip"?: string;
            "user.name"?: string;
        };
        /** @description A status change, an assignment or a comment. */
        AlertHistoryEntry: {
            actor: {
                id: string;
                kind: string;
                name: string;
            };
            assignee?: string | null;
            at: number;
            /** @enum {string} */
            from?: "new" | "acknowledged" | "in_progress" | "false_positive" | "true_positive" | "closed";
            id: string;
            /** @enum {string} */
            kind: "status" | "assign" | "comment";
            /** @description The reason of a status change or an assignment, or the comment. */
            text?: string;
            /** @enum {string} */
            to?: "new" | "acknowledged" | "in_progress" | "false_positive" | "true_positive" | "closed";
        };
        /** @description A status change, an assignment or a comment. */
        AlertHistoryEntryInput: {
            actor: {
                id: string;
                kind: string;
                name: string;
            };
            assignee?: string | null;
            at: number;
            /** @enum {string} */
            from?: "new" | "acknowledged" | "in_progress" | "false_positive" | "true_positive" | "closed";
            id: string;
            /** @enum {string} */
            kind: "status" | "assign" | "comment";
            /** @description The reason of a status change or an assignment, or the comment. */
            text?: string;
            /** @enum {string} */
            to?: "new" | "acknowledged" | "in_progress" | "false_positive" | "true_positive" | "closed";
        };
        /** @description Findings of one rule and entity within a window. Times are epoch ms. */
        AlertInput: {
            acknowledgedAt: number | null;
            assetIds: string[];
            /** @description A user id. */
            assignee: string | null;
            closedAt: number | null;
            createdAt: number;
            /** @description 1-5 from the asset inventory (3: no rated asset known). */
            criticality: number;
            entity: components["schemas"]["AlertEntityInput"];
            escalatedAt: number | null;
            events: number;
            findings: number;
            firstSeen: number;
            id: string;
            intelHits: number;
            /** @description sigma, correlation or intel. */
            kind: string;
            lastSeen: number;
            /** @description What the analysts decided, kept when the alert is closed. */
            resolution: ("false_positive" | "true_positive") | null;
            resolvedAt: number | null;
            rule: {
                id: string;
                /** @enum {string} */
                level: "informational" | "low" | "medium" | "high" | "critical";
                title: string;
            };
            sampleEventIds: string[];
            severity: {
                /** @enum {string} */
                level: "informational" | "low" | "medium" | "high" | "critical";
                /** @description 0-100, see docs/triage.md. */
                score: number;
            };
            /** @enum {string} */
            status: "new" | "acknowledged" | "in_progress" | "false_positive" | "true_positive" | "closed";
            tenant: string;
            updatedAt: number;
            /** @description New findings of the entity join this alert until this time, while it is open. */
            windowEnd: number;
        };
        /** @description A new allow-list rule. */
        AllowlistCreate: {
            conditions: string;
            /** @description Epoch ms; null or absent: no expiry. */
            expiresAt?: number | null;
            /** @description Why these findings are benign (required). */
            justification: string;
            /** @description Who answers for the rule and reviews it (required). */
            owner: string;
            /** @description A detection rule id; null for every rule of the tenant. */
            ruleId: string | null;
            tenant: string;
        };
        /** @description A new allow-list rule. */
        AllowlistCreateInput: {
            conditions: string;
            /** @description Epoch ms; null or absent: no expiry. */
            expiresAt?: number | null;
            /** @description Why these findings are benign (required). */
            justification: string;
            /** @description Who answers for the rule and reviews it (required). */
            owner: string;
            /** @description A detection rule id; null for every rule of the tenant. */
            ruleId: string | null;
            tenant: string;
        };
        /** @description What "suppress alerts like this" pre-fills from an alert. */
        AllowlistDraft: {
            /** @description Conditions from the alert's entity, to edit before saving. */
            conditions: string;
            entity: components["schemas"]["AlertEntity"];
            ruleId: string;
            ruleTitle: string;
            tenant: string;
        };
        /** @description What "suppress alerts like this" pre-fills from an alert. */
        AllowlistDraftInput: {
            /** @description Conditions from the alert's entity, to edit before saving. */
            conditions: string;
            entity: components["schemas"]["AlertEntityInput"];
            ruleId: string;
            ruleTitle: string;
            tenant: string;
        };
        /** @description What an allow-list rule would have hidden over the last days. */
        AllowlistImpact: {
            /** @description Alerts all of whose findings in the period it would have hidden. */
            alertsAvoided: number;
            /** @description Of those, how many another allow-list rule hides already. */
            alreadySuppressed: number;
            /** @description True when the conditions use full-text words or fields not kept with findings. */
            approximate: boolean;
            /** @description False when the period held too many findings and only the newest were read. */
            complete: boolean;
            conditions: string;
            days: number;
            /** @description Findings of the rule (or the tenant, for a tenant-wide rule) in the period. */
            findings: number;
            from: number;
            /** @description Those fields. */
            notKept: string[];
            ruleId: string | null;
            samples: {
                findingId: string;
                ruleId: string;
                /** @description The fields kept with the finding, which the conditions were evaluated on. */
                subject: {
                    [key: string]: unknown;
                };
                time: number;
            }[];
            tenant: string;
            to: number;
            /** @description Of those, how many the rule would have hidden. */
            wouldHide: number;
        };
        /** @description What an allow-list rule would have hidden over the last days. */
        AllowlistImpactInput: {
            /** @description Alerts all of whose findings in the period it would have hidden. */
            alertsAvoided: number;
            /** @description Of those, how many another allow-list rule hides already. */
            alreadySuppressed: number;
            /** @description True when the conditions use full-text words or fields not kept with findings. */
            approximate: boolean;
            /** @description False when the period held too many findings and only the newest were read. */
            complete: boolean;
            conditions: string;
            days: number;
            /** @description Findings of the rule (or the tenant, for a tenant-wide rule) in the period. */
            findings: number;
            from: number;
            /** @description Those fields. */
            notKept: string[];
            ruleId: string | null;
            samples: {
                findingId: string;
                ruleId: string;
                /** @description The fields kept with the finding, which the conditions were evaluated on. */
                subject: {
                    [key: string]: unknown;
                };
                time: number;
            }[];
            tenant: string;
            to: number;
            /** @description Of those, how many the rule would have hidden. */
            wouldHide: number;
        };
        /** @description Rules to look at again: expiring, never hit, or hitting too much. */
        AllowlistReview: {
            expired: components["schemas"]["AllowlistRule"][];
            expiring: components["schemas"]["AllowlistRule"][];
            hitTooMuch: {
                hitsPerDay: number;
                reasons: string[];
                rule: components["schemas"]["AllowlistRule"];
                /** @description Share of its detection rule's findings it hid. */
                share: number | null;
            }[];
            neverHit: components["schemas"]["AllowlistRule"][];
        };
        /** @description Rules to look at again: expiring, never hit, or hitting too much. */
        AllowlistReviewInput: {
            expired: components["schemas"]["AllowlistRuleInput"][];
            expiring: components["schemas"]["AllowlistRuleInput"][];
            hitTooMuch: {
                hitsPerDay: number;
                reasons: string[];
                rule: components["schemas"]["AllowlistRuleInput"];
                /** @description Share of its detection rule's findings it hid. */
                share: number | null;
            }[];
            neverHit: components["schemas"]["AllowlistRuleInput"][];
        };
        /** @description A suppression rule. Times are epoch ms. */
        AllowlistRule: {
            /** @description Search-language conditions over the finding's events and finding.* fields; empty: every finding. */
            conditions: string;
            createdAt: number;
            createdBy: string;
            /** @description Set when removed: the rule no longer applies but stays listed. */
            deletedAt: number | null;
            expiresAt: number | null;
            hits: number;
            id: string;
            justification: string;
            lastHitAt: number | null;
            owner: string;
            /** @description The detection rule id it applies to (it survives rule updates); null: every rule of the tenant. */
            ruleId: string | null;
            /** @description The alert it was made from ("suppress alerts like this"). */
            sourceAlertId: string | null;
            tenant: string;
            updatedAt: number;
            updatedBy: string;
        };
        /** @description A suppression rule. Times are epoch ms. */
        AllowlistRuleInput: {
            /** @description Search-language conditions over the finding's events and finding.* fields; empty: every finding. */
            conditions: string;
            createdAt: number;
            createdBy: string;
            /** @description Set when removed: the rule no longer applies but stays listed. */
            deletedAt: number | null;
            expiresAt: number | null;
            hits: number;
            id: string;
            justification: string;
            lastHitAt: number | null;
            owner: string;
            /** @description The detection rule id it applies to (it survives rule updates); null: every rule of the tenant. */
            ruleId: string | null;
            /** @description The alert it was made from ("suppress alerts like this"). */
            sourceAlertId: string | null;
            tenant: string;
            updatedAt: number;
            updatedBy: string;
        };
        /** @description An API token (never its secret). */
        ApiToken: {
            createdAt: string;
            expiresAt: string | null;
            id: string;
            lastUsedAt: string | null;
            name: string;
            /** @description The token's first characters, to recognise it. */
            prefix: string;
            revokedAt: string | null;
            /** @description null: everything the owner's role allows. */
            scopes: string[] | null;
            userId: string;
        };
        /** @description An API token (never its secret). */
        ApiTokenInput: {
            createdAt: string;
            expiresAt: string | null;
            id: string;
            lastUsedAt: string | null;
            name: string;
            /** @description The token's first characters, to recognise it. */
            prefix: string;
            revokedAt: string | null;
            /** @description null: everything the owner's role allows. */
            scopes: string[] | null;
            userId: string;
        };
        /** @description An asset of the inventory: hosts, addresses and users one owner answers for. */
        Asset: {
            /** @description IP addresses and CIDR ranges. */
            addresses: string[];
            createdAt: number;
            /** @description 1 (lab box) to 5 (crown jewel); null when not rated. */
            criticality: number | null;
            hostnames: string[];
            id: string;
            /** @description Epoch ms an event last showed it. */
            lastSeen: number | null;
            /** @description Unique within the tenant. */
            name: string;
            owner: string | null;
            /**
             * @description manual, import (CSV), or learned from events.
             * @enum {string}
             */
            source: "manual" | "import" | "learned";
            tags: string[];
            tenant: string;
            updatedAt: number;
            users: string[];
        };
        /** @description A new asset. */
        AssetCreate: {
            /** @description IP addresses or CIDR ranges. */
            addresses?: string[];
            /** @description 1-5, or null for not rated. */
            criticality?: number | null;
            /** @description Host names; `ws01` also matches `ws01.corp.example`. */
            hostnames?: string[];
            name: string;
            owner?: string | null;
            /** @description Free tags. */
            tags?: string[];
            tenant: string;
            /** @description User names, matched without a DOMAIN\ prefix or @domain suffix. */
            users?: string[];
        };
        /** @description A new asset. */
        AssetCreateInput: {
            /** @description IP addresses or CIDR ranges. */
            addresses?: string[];
            /** @description 1-5, or null for not rated. */
            criticality?: number | null;
            /** @description Host names; `ws01` also matches `ws01.corp.example`. */
            hostnames?: string[];
            name: string;
            owner?: string | null;
            /** @description Free tags. */
            tags?: string[];
            tenant: string;
            /** @description User names, matched without a DOMAIN\ prefix or @domain suffix. */
            users?: string[];
        };
        /** @description What a CSV import did (or, dry, would do). */
        AssetImportReport: {
            created: number;
            dryRun: boolean;
            /** @description Rows that were skipped, and why. */
            problems: {
                /** @description 1-based line the row starts on. */
                line: number;
                message: string;
            }[];
            updated: number;
        };
        /** @description What a CSV import did (or, dry, would do). */
        AssetImportReportInput: {
            created: number;
            dryRun: boolean;
            /** @description Rows that were skipped, and why. */
            problems: {
                /** @description 1-based line the row starts on. */
                line: number;
                message: string;
            }[];
            updated: number;
        };
        /** @description An asset of the inventory: hosts, addresses and users one owner answers for. */
        AssetInput: {
            /** @description IP addresses and CIDR ranges. */
            addresses: string[];
            createdAt: number;
            /** @description 1 (lab box) to 5 (crown jewel); null when not rated. */
            criticality: number | null;
            hostnames: string[];
            id: string;
            /** @description Epoch ms an event last showed it. */
            lastSeen: number | null;
            /** @description Unique within the tenant. */
            name: string;
            owner: string | null;
            /**
             * @description manual, import (CSV), or learned from events.
             * @enum {string}
             */
            source: "manual" | "import" | "learned";
            tags: string[];
            tenant: string;
            updatedAt: number;
            users: string[];
        };
        /** @description The values to change; others are kept. */
        AssetUpdate: {
            /** @description IP addresses or CIDR ranges. */
            addresses?: string[];
            /** @description 1-5, or null for not rated. */
            criticality?: number | null;
            /** @description Host names; `ws01` also matches `ws01.corp.example`. */
            hostnames?: string[];
            name?: string;
            owner?: string | null;
            /** @description Free tags. */
            tags?: string[];
            /** @description User names, matched without a DOMAIN\ prefix or @domain suffix. */
            users?: string[];
        };
        /** @description The values to change; others are kept. */
        AssetUpdateInput: {
            /** @description IP addresses or CIDR ranges. */
            addresses?: string[];
            /** @description 1-5, or null for not rated. */
            criticality?: number | null;
            /** @description Host names; `ws01` also matches `ws01.corp.example`. */
            hostnames?: string[];
            name?: string;
            owner?: string | null;
            /** @description Free tags. */
            tags?: string[];
            /** @description User names, matched without a DOMAIN\ prefix or @domain suffix. */
            users?: string[];
        };
        /** @description One entry of the hash-chained audit log. */
        AuditEntry: {
            action: string;
            actor: {
                address?: string;
                id: string;
                kind: string;
                name: string;
                role: string;
                tokenId?: string;
            };
            /** @description Epoch ms. */
            at: number;
            details?: {
                [key: string]: unknown;
            };
            hash: string;
            id: string;
            /** @enum {string} */
            outcome: "success" | "denied" | "failure";
            prevHash: string;
            seq: number;
            target?: {
                id: string;
                type: string;
            };
            tenant?: string;
        };
        /** @description One entry of the hash-chained audit log. */
        AuditEntryInput: {
            action: string;
            actor: {
                address?: string;
                id: string;
                kind: string;
                name: string;
                role: string;
                tokenId?: string;
            };
            /** @description Epoch ms. */
            at: number;
            details?: {
                [key: string]: unknown;
            };
            hash: string;
            id: string;
            /** @enum {string} */
            outcome: "success" | "denied" | "failure";
            prevHash: string;
            seq: number;
            target?: {
                id: string;
                type: string;
            };
            tenant?: string;
        };
        /** @description A logged communication: direction, channel, contactId, counterpart, subject, summary, body, occurredAt, recordedAt, recordedBy, attachments (evidence ids), request ({ status, dueAt, overdue } or null). */
        Communication: {
            [key: string]: unknown;
        };
        /** @description Changes to a logged communication, most often its request status. */
        CommunicationChange: {
            /** @description Evidence ids of the evidence locker (files sent or received). */
            attachments?: string[];
            body?: string | null;
            dueAt?: number | null;
            /** @description Why, for the timeline entry (e.g. "logs received"). */
            note?: string;
            /** @description open, answered or closed; null: not a request (any more). */
            requestStatus?: ("open" | "answered" | "closed") | null;
            subject?: string;
            summary?: string;
        };
        /** @description Changes to a logged communication, most often its request status. */
        CommunicationChangeInput: {
            /** @description Evidence ids of the evidence locker (files sent or received). */
            attachments?: string[];
            body?: string | null;
            dueAt?: number | null;
            /** @description Why, for the timeline entry (e.g. "logs received"). */
            note?: string;
            /** @description open, answered or closed; null: not a request (any more). */
            requestStatus?: ("open" | "answered" | "closed") | null;
            subject?: string;
            summary?: string;
        };
        /** @description A rendered draft, to edit before sending and logging it. */
        CommunicationDraft: {
            body: string;
            contactId: string | null;
            /** @description Fill-in marks of a playbook's template (【氏名】, [Name]). */
            fillIns: string[];
            /** @enum {string} */
            language: "ja" | "en";
            /** @description Known placeholders without a value, left in the text as {{name}}. */
            missing: string[];
            subject: string;
            templateId: string;
            /** @description Placeholders the renderer does not know, left as written. */
            unknown: string[];
        };
        /** @description A rendered draft, to edit before sending and logging it. */
        CommunicationDraftInput: {
            body: string;
            contactId: string | null;
            /** @description Fill-in marks of a playbook's template (【氏名】, [Name]). */
            fillIns: string[];
            /** @enum {string} */
            language: "ja" | "en";
            /** @description Known placeholders without a value, left in the text as {{name}}. */
            missing: string[];
            subject: string;
            templateId: string;
            /** @description Placeholders the renderer does not know, left as written. */
            unknown: string[];
        };
        /** @description A logged communication: direction, channel, contactId, counterpart, subject, summary, body, occurredAt, recordedAt, recordedBy, attachments (evidence ids), request ({ status, dueAt, overdue } or null). */
        CommunicationInput: {
            [key: string]: unknown;
        };
        /** @description A template: id, source (library or playbook), kind, audience, title/subject/body in ja and en, placeholders. */
        CommunicationTemplate: {
            [key: string]: unknown;
        };
        /** @description A template: id, source (library or playbook), kind, audience, title/subject/body in ja and en, placeholders. */
        CommunicationTemplateInput: {
            [key: string]: unknown;
        };
        /** @description A contact: id, tenant (null: installation-wide), kind, organization, name, title, channels, hours, escalationNotes, language, createdAt, updatedAt. */
        Contact: {
            [key: string]: unknown;
        };
        /** @description The fields of a contact to change; null clears an optional one. */
        ContactChange: {
            /** @description Ways to reach the contact; the preferred one first to try (the first one when none is marked). */
            channels?: components["schemas"]["ContactChannel"][];
            /** @description When and how to escalate to this contact, and who comes next. */
            escalationNotes?: string | null;
            /** @description When the contact can be reached, e.g. "平日 9:00-18:00 JST", "24/7". */
            hours?: string | null;
            /**
             * @description What the contact is: customer_csirt, management, vendor, isp, jpcert, police, regulator, legal, pr, other.
             * @enum {string}
             */
            kind?: "customer_csirt" | "management" | "vendor" | "isp" | "jpcert" | "police" | "regulator" | "legal" | "pr" | "other";
            /**
             * @description The language to write to the contact in (ja or en).
             * @enum {string}
             */
            language?: "ja" | "en";
            /** @description A person, or empty for a desk or a team. */
            name?: string | null;
            /** @description The organization, e.g. "JPCERT/CC", "株式会社○○". */
            organization?: string;
            /** @description Role or title, e.g. "情報システム部長", "support desk". */
            title?: string | null;
        };
        /** @description The fields of a contact to change; null clears an optional one. */
        ContactChangeInput: {
            /** @description Ways to reach the contact; the preferred one first to try (the first one when none is marked). */
            channels?: components["schemas"]["ContactChannelInput"][];
            /** @description When and how to escalate to this contact, and who comes next. */
            escalationNotes?: string | null;
            /** @description When the contact can be reached, e.g. "平日 9:00-18:00 JST", "24/7". */
            hours?: string | null;
            /**
             * @description What the contact is: customer_csirt, management, vendor, isp, jpcert, police, regulator, legal, pr, other.
             * @enum {string}
             */
            kind?: "customer_csirt" | "management" | "vendor" | "isp" | "jpcert" | "police" | "regulator" | "legal" | "pr" | "other";
            /**
             * @description The language to write to the contact in (ja or en).
             * @enum {string}
             */
            language?: "ja" | "en";
            /** @description A person, or empty for a desk or a team. */
            name?: string | null;
            /** @description The organization, e.g. "JPCERT/CC", "株式会社○○". */
            organization?: string;
            /** @description Role or title, e.g. "情報システム部長", "support desk". */
            title?: string | null;
        };
        /** @description One way to reach a contact. */
        ContactChannel: {
            /**
             * @description email, phone, chat (a handle or a room) or postal (an address).
             * @enum {string}
             */
            kind: "email" | "phone" | "chat" | "postal";
            /** @description e.g. "24時間窓口", "after hours". */
            label?: string;
            /** @description The channel to try first; at most one per contact. */
            preferred?: boolean;
            /** @description The address, number, handle or postal address. */
            value: string;
        };
        /** @description One way to reach a contact. */
        ContactChannelInput: {
            /**
             * @description email, phone, chat (a handle or a room) or postal (an address).
             * @enum {string}
             */
            kind: "email" | "phone" | "chat" | "postal";
            /** @description e.g. "24時間窓口", "after hours". */
            label?: string;
            /** @description The channel to try first; at most one per contact. */
            preferred?: boolean;
            /** @description The address, number, handle or postal address. */
            value: string;
        };
        /** @description A contact: id, tenant (null: installation-wide), kind, organization, name, title, channels, hours, escalationNotes, language, createdAt, updatedAt. */
        ContactInput: {
            [key: string]: unknown;
        };
        /** @description An evidence item's custody ledger, oldest first, and its check. */
        Custody: {
            entries: components["schemas"]["CustodyEntry"][];
            evidence: components["schemas"]["Evidence"];
            verification: components["schemas"]["LedgerVerification"];
        };
        /** @description One hash-chained chain-of-custody entry. */
        CustodyEntry: {
            /** @enum {string} */
            action: "collected" | "uploaded" | "accessed" | "downloaded" | "transferred" | "analysed" | "hold_placed" | "hold_released" | "verified" | "verification_failed" | "disposed";
            actor: {
                id: string;
                name: string;
            };
            /** @description When it happened, epoch ms. */
            at: number;
            evidenceId: string;
            /** @description A network address or a place. */
            from: string;
            /** @description See docs/evidence.md for the formula. */
            hash: string;
            /** @description A SHA-256, 64 lower-case hex digits. */
            hashAfter?: string;
            /** @description A SHA-256, 64 lower-case hex digits. */
            hashBefore?: string;
            note?: string;
            /** @description A SHA-256, 64 lower-case hex digits. */
            prevHash: string;
            reason: string;
            /** @description Position in the ledger: 1, 2, 3... with no gaps. */
            seq: number;
        };
        /** @description One hash-chained chain-of-custody entry. */
        CustodyEntryInput: {
            /** @enum {string} */
            action: "collected" | "uploaded" | "accessed" | "downloaded" | "transferred" | "analysed" | "hold_placed" | "hold_released" | "verified" | "verification_failed" | "disposed";
            actor: {
                id: string;
                name: string;
            };
            /** @description When it happened, epoch ms. */
            at: number;
            evidenceId: string;
            /** @description A network address or a place. */
            from: string;
            /** @description See docs/evidence.md for the formula. */
            hash: string;
            /** @description A SHA-256, 64 lower-case hex digits. */
            hashAfter?: string;
            /** @description A SHA-256, 64 lower-case hex digits. */
            hashBefore?: string;
            note?: string;
            /** @description A SHA-256, 64 lower-case hex digits. */
            prevHash: string;
            reason: string;
            /** @description Position in the ledger: 1, 2, 3... with no gaps. */
            seq: number;
        };
        /** @description An evidence item's custody ledger, oldest first, and its check. */
        CustodyInput: {
            entries: components["schemas"]["CustodyEntryInput"][];
            evidence: components["schemas"]["EvidenceInput"];
            verification: components["schemas"]["LedgerVerificationInput"];
        };
        /** @description What detection runs: rule sets, indicators, and what was refused. */
        DetectionStatus: {
            enabled: boolean;
            indicators: number;
            intelProblems: {
                message?: string;
                path: string;
                problems: number;
            }[];
            intelSets: number;
            /** @description Epoch ms of the last (re)load. */
            loadedAt: number;
            loadSeconds: number;
            /** @description Rules, correlations and filters that could not be used, and why. */
            problems: {
                code: string;
                line?: number;
                message: string;
                path?: string;
                rule?: string;
            }[];
            ruleSets: {
                correlations: number;
                enabledByDefault: boolean;
                filters: number;
                id: string;
                problems: number;
                rules: number;
            }[];
            /** @description Worker threads running the rules (0: the main thread). */
            workers: number;
        };
        /** @description What detection runs: rule sets, indicators, and what was refused. */
        DetectionStatusInput: {
            enabled: boolean;
            indicators: number;
            intelProblems: {
                message?: string;
                path: string;
                problems: number;
            }[];
            intelSets: number;
            /** @description Epoch ms of the last (re)load. */
            loadedAt: number;
            loadSeconds: number;
            /** @description Rules, correlations and filters that could not be used, and why. */
            problems: {
                code: string;
                line?: number;
                message: string;
                path?: string;
                rule?: string;
            }[];
            ruleSets: {
                correlations: number;
                enabledByDefault: boolean;
                filters: number;
                id: string;
                problems: number;
                rules: number;
            }[];
            /** @description Worker threads running the rules (0: the main thread). */
            workers: number;
        };
        /** @description An error. */
        Error: {
            error: {
                /** @description A code from the error catalogue (docs/errors.md). */
                code: string;
                /** @description Where the problem is (`location`) and anything else that helps fix it. */
                details?: {
                    [key: string]: unknown;
                };
                /** @description A sentence saying what went wrong. */
                message: string;
            };
        };
        /** @description An error. */
        ErrorInput: {
            error: {
                /** @description A code from the error catalogue (docs/errors.md). */
                code: string;
                /** @description Where the problem is (`location`) and anything else that helps fix it. */
                details?: {
                    [key: string]: unknown;
                };
                /** @description A sentence saying what went wrong. */
                message: string;
            };
        };
        /** @description One escalation of an alert, with the delivery log of each channel. */
        Escalation: {
            [key: string]: unknown;
        };
        /** @description One escalation of an alert, with the delivery log of each channel. */
        EscalationInput: {
            [key: string]: unknown;
        };
        /** @description A policy: severity and category -> contacts, channels, language. */
        EscalationPolicy: {
            [key: string]: unknown;
        };
        /** @description A policy: severity and category -> contacts, channels, language. */
        EscalationPolicyInput: {
            [key: string]: unknown;
        };
        /** @description A normalized event. */
        Event: {
            /** @description Flat, dotted ECS field names. */
            fields: {
                [key: string]: (string | number | boolean | null) | (string | number | boolean | null)[];
            };
            id: string;
            input?: string;
            logsource: {
                category?: string;
                product?: string;
                service?: string;
            };
            raw?: string;
            /** @description Epoch ms when Yagura received it. */
            receivedAt: number;
            tags?: string[];
            tenant: string;
            /** @description Epoch ms when it happened. */
            time: number;
        };
        /** @description A normalized event. */
        EventInput: {
            /** @description Flat, dotted ECS field names. */
            fields: {
                [key: string]: (string | number | boolean | null) | (string | number | boolean | null)[];
            };
            id: string;
            input?: string;
            logsource: {
                category?: string;
                product?: string;
                service?: string;
            };
            raw?: string;
            /** @description Epoch ms when Yagura received it. */
            receivedAt: number;
            tags?: string[];
            tenant: string;
            /** @description Epoch ms when it happened. */
            time: number;
        };
        /** @description An evidence item of an incident. */
        Evidence: {
            /** @description The Content-Type the uploader sent. */
            contentType: string;
            /** @description The newest custody entry as kept on the item; the ledger must still contain it. */
            custodyHead: {
                /** @description A SHA-256, 64 lower-case hex digits. */
                hash: string;
                seq: number;
            };
            description: string | null;
            /** @description Set once the item was disposed of. */
            disposed: {
                /** @description Epoch ms. */
                at: number;
                by: {
                    id: string;
                    name: string;
                };
                reason: string;
            } | null;
            id: string;
            incidentId: string;
            /** @description Set while the item is under legal hold. */
            legalHold: {
                /** @description Epoch ms. */
                at: number;
                by: {
                    id: string;
                    name: string;
                };
                reason: string;
            } | null;
            /** @description The original file name. */
            name: string;
            /** @description Epoch ms. */
            receivedAt: number;
            receivedBy: {
                id: string;
                name: string;
            };
            /** @description SHA-256 computed on arrival; also the stored file name. */
            sha256: string;
            /** @description Bytes. */
            size: number;
            /** @description Where it came from: host, who collected it, how. */
            source: string | null;
            tenant: string;
        };
        /** @description The stored bytes re-hashed and compared with the ledger, and the ledger chain checked. */
        EvidenceCheck: {
            /** @description The stored file, relative to the evidence folder. */
            file: string;
            ledger: components["schemas"]["LedgerVerification"];
            ok: boolean;
            problems: {
                /** @description file_missing, file_altered, arrival_hash_mismatch, hash_mismatch, ... */
                kind: string;
                message: string;
                seq?: number;
            }[];
            /** @description A SHA-256, 64 lower-case hex digits. */
            sha256: string;
            /** @description The re-hash of the stored bytes; absent when the file is missing. */
            stored?: {
                /** @description A SHA-256, 64 lower-case hex digits. */
                actual: string;
                /** @description A SHA-256, 64 lower-case hex digits. */
                expected: string;
                ok: boolean;
                size: number;
            };
            /** @description "intact", or every problem in turn. */
            summary: string;
        };
        /** @description The stored bytes re-hashed and compared with the ledger, and the ledger chain checked. */
        EvidenceCheckInput: {
            /** @description The stored file, relative to the evidence folder. */
            file: string;
            ledger: components["schemas"]["LedgerVerificationInput"];
            ok: boolean;
            problems: {
                /** @description file_missing, file_altered, arrival_hash_mismatch, hash_mismatch, ... */
                kind: string;
                message: string;
                seq?: number;
            }[];
            /** @description A SHA-256, 64 lower-case hex digits. */
            sha256: string;
            /** @description The re-hash of the stored bytes; absent when the file is missing. */
            stored?: {
                /** @description A SHA-256, 64 lower-case hex digits. */
                actual: string;
                /** @description A SHA-256, 64 lower-case hex digits. */
                expected: string;
                ok: boolean;
                size: number;
            };
            /** @description "intact", or every problem in turn. */
            summary: string;
        };
        /** @description An evidence item of an incident. */
        EvidenceInput: {
            /** @description The Content-Type the uploader sent. */
            contentType: string;
            /** @description The newest custody entry as kept on the item; the ledger must still contain it. */
            custodyHead: {
                /** @description A SHA-256, 64 lower-case hex digits. */
                hash: string;
                seq: number;
            };
            description: string | null;
            /** @description Set once the item was disposed of. */
            disposed: {
                /** @description Epoch ms. */
                at: number;
                by: {
                    id: string;
                    name: string;
                };
                reason: string;
            } | null;
            id: string;
            incidentId: string;
            /** @description Set while the item is under legal hold. */
            legalHold: {
                /** @description Epoch ms. */
                at: number;
                by: {
                    id: string;
                    name: string;
                };
                reason: string;
            } | null;
            /** @description The original file name. */
            name: string;
            /** @description Epoch ms. */
            receivedAt: number;
            receivedBy: {
                id: string;
                name: string;
            };
            /** @description SHA-256 computed on arrival; also the stored file name. */
            sha256: string;
            /** @description Bytes. */
            size: number;
            /** @description Where it came from: host, who collected it, how. */
            source: string | null;
            tenant: string;
        };
        /** @description One rule, indicator or correlation match. */
        Finding: {
            correlation?: {
                count?: number;
                firstSeen: number;
                /** @description The group-by values of the group that fired. */
                group: {
                    [key: string]: string;
                };
                lastSeen: number;
                rules: string[];
                type: string;
                /** @description The figure the condition held on (count, distinct values, sum, ...). */
                value: number;
            };
            createdAt: number;
            /** @description The matched events (a correlation: a sample), in the event store. */
            eventIds: string[];
            id: string;
            intel?: {
                indicator: string;
                set: string;
                source?: string;
                type: string;
            };
            /** @enum {string} */
            kind: "sigma" | "correlation" | "intel";
            /** @description The event fields the rule read, by their Event names. */
            matched: {
                [key: string]: unknown;
            };
            rule: {
                /** @description Credited with every match, as the Detection Rule License asks. */
                author?: string;
                id: string;
                /** @enum {string} */
                level: "informational" | "low" | "medium" | "high" | "critical";
                tags: string[];
                title: string;
            };
            tenant: string;
            /** @description Epoch ms of the matched event. */
            time: number;
        };
        /** @description One rule, indicator or correlation match. */
        FindingInput: {
            correlation?: {
                count?: number;
                firstSeen: number;
                /** @description The group-by values of the group that fired. */
                group: {
                    [key: string]: string;
                };
                lastSeen: number;
                rules: string[];
                type: string;
                /** @description The figure the condition held on (count, distinct values, sum, ...). */
                value: number;
            };
            createdAt: number;
            /** @description The matched events (a correlation: a sample), in the event store. */
            eventIds: string[];
            id: string;
            intel?: {
                indicator: string;
                set: string;
                source?: string;
                type: string;
            };
            /** @enum {string} */
            kind: "sigma" | "correlation" | "intel";
            /** @description The event fields the rule read, by their Event names. */
            matched: {
                [key: string]: unknown;
            };
            rule: {
                /** @description Credited with every match, as the Detection Rule License asks. */
                author?: string;
                id: string;
                /** @enum {string} */
                level: "informational" | "low" | "medium" | "high" | "critical";
                tags: string[];
                title: string;
            };
            tenant: string;
            /** @description Epoch ms of the matched event. */
            time: number;
        };
        /** @description A Splunk HEC answer. */
        HecAnswer: {
            /** @description Splunk HEC status code: 0 success, 2/3/4 token, 5 no data, 6 invalid format, 9 busy. */
            code: number;
            /** @description 0-based index of the event that failed the request. */
            "invalid-event-number"?: number;
            text: string;
        };
        /** @description A Splunk HEC answer. */
        HecAnswerInput: {
            /** @description Splunk HEC status code: 0 success, 2/3/4 token, 5 no data, 6 invalid format, 9 busy. */
            code: number;
            /** @description 0-based index of the event that failed the request. */
            "invalid-event-number"?: number;
            text: string;
        };
        /** @description A retro-hunt: Sigma rules run over the stored events of a time range. */
        Hunt: {
            correlations: number;
            createdAt: number;
            createdBy: string;
            error?: string;
            finishedAt?: number;
            from: number;
            id: string;
            /** @description Findings kept for reading back (the first 10,000). */
            kept: number;
            progress: {
                eventsExamined: number;
                findings: number;
                /** @description Share of the time range done, 0 to 1. */
                fraction: number;
                /** @enum {string} */
                state: "running" | "done" | "aborted";
                /** @description Epoch ms up to which every event has been examined. */
                through: number;
            };
            rules: {
                id: string;
                title: string;
            }[];
            tenants: string[];
            to: number;
        };
        /** @description A retro-hunt: Sigma rules run over the stored events of a time range. */
        HuntInput: {
            correlations: number;
            createdAt: number;
            createdBy: string;
            error?: string;
            finishedAt?: number;
            from: number;
            id: string;
            /** @description Findings kept for reading back (the first 10,000). */
            kept: number;
            progress: {
                eventsExamined: number;
                findings: number;
                /** @description Share of the time range done, 0 to 1. */
                fraction: number;
                /** @enum {string} */
                state: "running" | "done" | "aborted";
                /** @description Epoch ms up to which every event has been examined. */
                through: number;
            };
            rules: {
                id: string;
                title: string;
            }[];
            tenants: string[];
            to: number;
        };
        /** @description An incident (case). Times are epoch ms. */
        Incident: {
            /** @description Asset ids of the inventory. */
            affectedAssets: string[];
            affectedUsers: string[];
            /** @description User ids. */
            assignees: string[];
            /**
             * @description The incident category (docs/incidents.md).
             * @enum {string}
             */
            category: "malware" | "phishing" | "unauthorized_access" | "dos" | "data_leak" | "web_defacement" | "insider" | "vulnerability" | "other";
            closedAt: number | null;
            closedBy: string | null;
            closeReason: string | null;
            createdAt: number;
            createdBy: {
                id: string;
                name: string;
            };
            description: string;
            dueAt: number | null;
            id: string;
            /**
             * @description The tenant's language when it was opened.
             * @enum {string}
             */
            language: "ja" | "en";
            /**
             * @description A response phase (NIST SP 800-61).
             * @enum {string}
             */
            phase: "detection_analysis" | "containment" | "eradication" | "recovery" | "post_incident";
            /** @description The playbook its tasks came from. */
            playbook: {
                id: string;
                version: number;
            } | null;
            /**
             * @description P1 (act now) to P4.
             * @enum {string}
             */
            priority: "P1" | "P2" | "P3" | "P4";
            /** @description For humans: INC-<year>-<number>, numbered per tenant and year. */
            ref: string;
            /** @enum {string} */
            severity: "informational" | "low" | "medium" | "high" | "critical";
            /**
             * @description How the incident came in.
             * @enum {string}
             */
            source: "alerts" | "customer_report" | "inquiry" | "email" | "manual";
            /** @description What the source refers to (an inquiry id), if anything. */
            sourceRef: string | null;
            /** @enum {string} */
            status: "open" | "closed";
            tenant: string;
            title: string;
            /**
             * @description Traffic Light Protocol 2.0 label.
             * @enum {string}
             */
            tlp: "clear" | "green" | "amber" | "amber+strict" | "red";
            updatedAt: number;
            updatedBy: string;
        };
        /** @description An incident with its tasks, alerts, observables and links. */
        IncidentDetail: {
            alertIds: string[];
            counts: {
                alerts: number;
                observables: number;
                tasks: number;
                tasksOpen: number;
                timeline: number;
            };
            incident: components["schemas"]["Incident"];
            links: {
                incidentId: string;
                linkedAt: number;
                ref: string;
                /**
                 * @description What the other incident is to this one: related, duplicate, parent or child.
                 * @enum {string}
                 */
                relation: "related" | "duplicate" | "parent" | "child";
                /** @enum {string} */
                status: "open" | "closed";
                title: string;
            }[];
            observables: components["schemas"]["IncidentObservable"][];
            tasks: components["schemas"]["IncidentTask"][];
        };
        /** @description An incident with its tasks, alerts, observables and links. */
        IncidentDetailInput: {
            alertIds: string[];
            counts: {
                alerts: number;
                observables: number;
                tasks: number;
                tasksOpen: number;
                timeline: number;
            };
            incident: components["schemas"]["IncidentInput"];
            links: {
                incidentId: string;
                linkedAt: number;
                ref: string;
                /**
                 * @description What the other incident is to this one: related, duplicate, parent or child.
                 * @enum {string}
                 */
                relation: "related" | "duplicate" | "parent" | "child";
                /** @enum {string} */
                status: "open" | "closed";
                title: string;
            }[];
            observables: components["schemas"]["IncidentObservableInput"][];
            tasks: components["schemas"]["IncidentTaskInput"][];
        };
        /** @description An incident (case). Times are epoch ms. */
        IncidentInput: {
            /** @description Asset ids of the inventory. */
            affectedAssets: string[];
            affectedUsers: string[];
            /** @description User ids. */
            assignees: string[];
            /**
             * @description The incident category (docs/incidents.md).
             * @enum {string}
             */
            category: "malware" | "phishing" | "unauthorized_access" | "dos" | "data_leak" | "web_defacement" | "insider" | "vulnerability" | "other";
            closedAt: number | null;
            closedBy: string | null;
            closeReason: string | null;
            createdAt: number;
            createdBy: {
                id: string;
                name: string;
            };
            description: string;
            dueAt: number | null;
            id: string;
            /**
             * @description The tenant's language when it was opened.
             * @enum {string}
             */
            language: "ja" | "en";
            /**
             * @description A response phase (NIST SP 800-61).
             * @enum {string}
             */
            phase: "detection_analysis" | "containment" | "eradication" | "recovery" | "post_incident";
            /** @description The playbook its tasks came from. */
            playbook: {
                id: string;
                version: number;
            } | null;
            /**
             * @description P1 (act now) to P4.
             * @enum {string}
             */
            priority: "P1" | "P2" | "P3" | "P4";
            /** @description For humans: INC-<year>-<number>, numbered per tenant and year. */
            ref: string;
            /** @enum {string} */
            severity: "informational" | "low" | "medium" | "high" | "critical";
            /**
             * @description How the incident came in.
             * @enum {string}
             */
            source: "alerts" | "customer_report" | "inquiry" | "email" | "manual";
            /** @description What the source refers to (an inquiry id), if anything. */
            sourceRef: string | null;
            /** @enum {string} */
            status: "open" | "closed";
            tenant: string;
            title: string;
            /**
             * @description Traffic Light Protocol 2.0 label.
             * @enum {string}
             */
            tlp: "clear" | "green" | "amber" | "amber+strict" | "red";
            updatedAt: number;
            updatedBy: string;
        };
        /** @description An observable (IOC) of an incident. */
        IncidentObservable: {
            createdAt: number;
            firstSeen: number;
            id: string;
            incidentId: string;
            lastSeen: number;
            note: string | null;
            /** @description The last sighting search; null before the first. */
            sighting: {
                /** @description Events of the tenant where it appears, over the store's whole retention. */
                count: number;
                firstSeen: number | null;
                /** @description Distinct host.name values. */
                hosts: {
                    count: number;
                    name: string;
                }[];
                lastSeen: number | null;
                searchedAt: number;
            } | null;
            /**
             * @description How it first came in.
             * @enum {string}
             */
            source: "alert" | "text" | "manual";
            tenant: string;
            /** @enum {string} */
            type: "ip" | "domain" | "url" | "md5" | "sha1" | "sha256" | "email" | "user" | "host" | "file_path" | "registry_key";
            /** @description Canonical form. */
            value: string;
        };
        /** @description An observable (IOC) of an incident. */
        IncidentObservableInput: {
            createdAt: number;
            firstSeen: number;
            id: string;
            incidentId: string;
            lastSeen: number;
            note: string | null;
            /** @description The last sighting search; null before the first. */
            sighting: {
                /** @description Events of the tenant where it appears, over the store's whole retention. */
                count: number;
                firstSeen: number | null;
                /** @description Distinct host.name values. */
                hosts: {
                    count: number;
                    name: string;
                }[];
                lastSeen: number | null;
                searchedAt: number;
            } | null;
            /**
             * @description How it first came in.
             * @enum {string}
             */
            source: "alert" | "text" | "manual";
            tenant: string;
            /** @enum {string} */
            type: "ip" | "domain" | "url" | "md5" | "sha1" | "sha256" | "email" | "user" | "host" | "file_path" | "registry_key";
            /** @description Canonical form. */
            value: string;
        };
        /** @description A report generated earlier, as the timeline keeps it. */
        IncidentReportRecord: {
            generatedAt: number;
            generatedBy: {
                id: string;
                name: string;
            };
            /** @description The timeline entry that records it. */
            id: string;
            /**
             * @description flash: 速報 while the incident is handled; final: 最終報告書.
             * @enum {string}
             */
            kind: "flash" | "final";
            /** @enum {string} */
            language: "ja" | "en";
            recipient: string | null;
            /** @description The analyst's text: summary, impact, actionsTaken, nextSteps (flash); cause, impact, response, recommendations (final). */
            sections: {
                actionsTaken?: string;
                cause?: string;
                impact?: string;
                nextSteps?: string;
                recommendations?: string;
                response?: string;
                summary?: string;
            };
            /** @description 第N報: the number of this report among those of its kind. */
            sequence: number;
        };
        /** @description A report generated earlier, as the timeline keeps it. */
        IncidentReportRecordInput: {
            generatedAt: number;
            generatedBy: {
                id: string;
                name: string;
            };
            /** @description The timeline entry that records it. */
            id: string;
            /**
             * @description flash: 速報 while the incident is handled; final: 最終報告書.
             * @enum {string}
             */
            kind: "flash" | "final";
            /** @enum {string} */
            language: "ja" | "en";
            recipient: string | null;
            /** @description The analyst's text: summary, impact, actionsTaken, nextSteps (flash); cause, impact, response, recommendations (final). */
            sections: {
                actionsTaken?: string;
                cause?: string;
                impact?: string;
                nextSteps?: string;
                recommendations?: string;
                response?: string;
                summary?: string;
            };
            /** @description 第N報: the number of this report among those of its kind. */
            sequence: number;
        };
        /** @description A task of an incident, from its playbook or made by hand. */
        IncidentTask: {
            checklist: {
                done: boolean;
                doneAt?: number;
                doneBy?: string;
                text: components["schemas"]["LocalizedText"];
            }[];
            completedAt: number | null;
            createdAt: number;
            description: components["schemas"]["LocalizedText"] | null;
            dueAt: number | null;
            id: string;
            incidentId: string;
            notes: string | null;
            order: number;
            /** @description A user id. */
            owner: string | null;
            /**
             * @description A response phase (NIST SP 800-61).
             * @enum {string}
             */
            phase: "detection_analysis" | "containment" | "eradication" | "recovery" | "post_incident";
            /** @description The playbook task it came from; null when made by hand. */
            playbook: {
                id: string;
                taskId: string;
                version: number;
            } | null;
            role: ("soc_analyst" | "csirt" | "it_ops" | "management" | "legal" | "pr" | "hr" | "helpdesk") | null;
            /** @enum {string} */
            status: "todo" | "in_progress" | "done" | "skipped";
            /** @description The playbook's texts for the task (requests, notices). */
            templates: {
                body: components["schemas"]["LocalizedText"];
                id: string;
                title: components["schemas"]["LocalizedText"];
            }[];
            tenant: string;
            title: components["schemas"]["LocalizedText"];
            updatedAt: number;
        };
        /** @description A task of an incident, from its playbook or made by hand. */
        IncidentTaskInput: {
            checklist: {
                done: boolean;
                doneAt?: number;
                doneBy?: string;
                text: components["schemas"]["LocalizedTextInput"];
            }[];
            completedAt: number | null;
            createdAt: number;
            description: components["schemas"]["LocalizedTextInput"] | null;
            dueAt: number | null;
            id: string;
            incidentId: string;
            notes: string | null;
            order: number;
            /** @description A user id. */
            owner: string | null;
            /**
             * @description A response phase (NIST SP 800-61).
             * @enum {string}
             */
            phase: "detection_analysis" | "containment" | "eradication" | "recovery" | "post_incident";
            /** @description The playbook task it came from; null when made by hand. */
            playbook: {
                id: string;
                taskId: string;
                version: number;
            } | null;
            role: ("soc_analyst" | "csirt" | "it_ops" | "management" | "legal" | "pr" | "hr" | "helpdesk") | null;
            /** @enum {string} */
            status: "todo" | "in_progress" | "done" | "skipped";
            /** @description The playbook's texts for the task (requests, notices). */
            templates: {
                body: components["schemas"]["LocalizedTextInput"];
                id: string;
                title: components["schemas"]["LocalizedTextInput"];
            }[];
            tenant: string;
            title: components["schemas"]["LocalizedTextInput"];
            updatedAt: number;
        };
        /** @description What is arriving, how much fails to parse, and where it is kept. */
        IngestOverview: {
            /** @description Start of each bucket, epoch ms, gap-free over the range. */
            bucketStarts: number[];
            /** @description By input name, most events first; "(none)" when it has none. */
            byInput: {
                /** @description Events per bucket, aligned with bucketStarts. */
                counts: number[];
                key: string;
                /** @description Events tagged parse_error. */
                parseErrors: number;
                total: number;
            }[];
            /** @description Every tenant in scope, most events first (zeros included). */
            byTenant: {
                /** @description Events per bucket, aligned with bucketStarts. */
                counts: number[];
                key: string;
                /** @description Events tagged parse_error. */
                parseErrors: number;
                total: number;
            }[];
            /** @description Start of the range, epoch ms (inclusive). */
            from: number;
            /** @description Bucket width (about 60 buckets over the range). */
            intervalMs: number;
            /** @description Of those, events tagged parse_error. */
            parseErrors: number;
            queue: {
                capacity: number;
                depth: number;
                full: boolean;
                /** @description Recent queue depth in the range, oldest first (at most 500 points, peaks kept). */
                samples: {
                    at: number;
                    depth: number;
                }[];
            };
            /** @description Each tenant in scope and its own retention in days (null: the installation's). */
            retention: {
                retentionDays: number | null;
                tenant: string;
            }[];
            /** @description The whole installation: only for callers who read every tenant. */
            storage?: {
                bytes: number;
                events: number;
                freeBytes?: number;
                /** @description store.retention.maxAgeDays. */
                maxAgeDays?: number;
                /** @description store.retention.maxTotalBytes, when set. */
                maxBytes?: number;
                minFreeBytes: number;
                partitions: {
                    bytes: number;
                    events: number;
                    from: number;
                    name: string;
                    to: number;
                }[];
            };
            /** @description End of the range, epoch ms (exclusive). */
            to: number;
            /** @description Events received in the range. */
            total: number;
        };
        /** @description What is arriving, how much fails to parse, and where it is kept. */
        IngestOverviewInput: {
            /** @description Start of each bucket, epoch ms, gap-free over the range. */
            bucketStarts: number[];
            /** @description By input name, most events first; "(none)" when it has none. */
            byInput: {
                /** @description Events per bucket, aligned with bucketStarts. */
                counts: number[];
                key: string;
                /** @description Events tagged parse_error. */
                parseErrors: number;
                total: number;
            }[];
            /** @description Every tenant in scope, most events first (zeros included). */
            byTenant: {
                /** @description Events per bucket, aligned with bucketStarts. */
                counts: number[];
                key: string;
                /** @description Events tagged parse_error. */
                parseErrors: number;
                total: number;
            }[];
            /** @description Start of the range, epoch ms (inclusive). */
            from: number;
            /** @description Bucket width (about 60 buckets over the range). */
            intervalMs: number;
            /** @description Of those, events tagged parse_error. */
            parseErrors: number;
            queue: {
                capacity: number;
                depth: number;
                full: boolean;
                /** @description Recent queue depth in the range, oldest first (at most 500 points, peaks kept). */
                samples: {
                    at: number;
                    depth: number;
                }[];
            };
            /** @description Each tenant in scope and its own retention in days (null: the installation's). */
            retention: {
                retentionDays: number | null;
                tenant: string;
            }[];
            /** @description The whole installation: only for callers who read every tenant. */
            storage?: {
                bytes: number;
                events: number;
                freeBytes?: number;
                /** @description store.retention.maxAgeDays. */
                maxAgeDays?: number;
                /** @description store.retention.maxTotalBytes, when set. */
                maxBytes?: number;
                minFreeBytes: number;
                partitions: {
                    bytes: number;
                    events: number;
                    from: number;
                    name: string;
                    to: number;
                }[];
            };
            /** @description End of the range, epoch ms (exclusive). */
            to: number;
            /** @description Events received in the range. */
            total: number;
        };
        /** @description A tenant ingest or HEC token (never its secret). */
        IngestToken: {
            createdAt: string;
            createdBy: string;
            id: string;
            /**
             * @description ingest: `Authorization: Bearer` on POST /api/ingest; hec: `Authorization: Splunk` on HEC.
             * @enum {string}
             */
            kind: "ingest" | "hec";
            /** @description To the minute: written at most once a minute. */
            lastUsedAt: string | null;
            name: string;
            /** @description The secret's first characters, to recognise it. */
            prefix: string;
            revokedAt: string | null;
            tenant: string;
        };
        /** @description A tenant ingest or HEC token (never its secret). */
        IngestTokenInput: {
            createdAt: string;
            createdBy: string;
            id: string;
            /**
             * @description ingest: `Authorization: Bearer` on POST /api/ingest; hec: `Authorization: Splunk` on HEC.
             * @enum {string}
             */
            kind: "ingest" | "hec";
            /** @description To the minute: written at most once a minute. */
            lastUsedAt: string | null;
            name: string;
            /** @description The secret's first characters, to recognise it. */
            prefix: string;
            revokedAt: string | null;
            tenant: string;
        };
        /** @description An inquiry: id, tenant, number, type, subject, body, priority, status, submittedBy, assignee, incidentId, createdAt, sla { firstResponseDueAt, firstResponseAt, firstResponseOverdue, resolutionDueAt, resolutionOverdue, paused, ... }. */
        Inquiry: {
            [key: string]: unknown;
        };
        /** @description The incident to open for an inquiry. */
        InquiryConvertInput: {
            /** @enum {string} */
            category?: "malware" | "phishing" | "unauthorized_access" | "dos" | "data_leak" | "web_defacement" | "insider" | "vulnerability" | "other";
            /** @description By default the inquiry's body. */
            description?: string;
            /** @description The incident's title; the inquiry's subject by default. */
            title?: string;
        };
        /** @description The incident to open for an inquiry. */
        InquiryConvertInputInput: {
            /** @enum {string} */
            category?: "malware" | "phishing" | "unauthorized_access" | "dos" | "data_leak" | "web_defacement" | "insider" | "vulnerability" | "other";
            /** @description By default the inquiry's body. */
            description?: string;
            /** @description The incident's title; the inquiry's subject by default. */
            title?: string;
        };
        /** @description An inquiry with its message thread. */
        InquiryDetail: {
            inquiry: components["schemas"]["Inquiry"];
            /** @description The thread, oldest first: side (customer or soc), author, body, at, statusAfter. */
            messages: {
                [key: string]: unknown;
            }[];
        };
        /** @description An inquiry with its message thread. */
        InquiryDetailInput: {
            inquiry: components["schemas"]["InquiryInput"];
            /** @description The thread, oldest first: side (customer or soc), author, body, at, statusAfter. */
            messages: {
                [key: string]: unknown;
            }[];
        };
        /** @description An inquiry: id, tenant, number, type, subject, body, priority, status, submittedBy, assignee, incidentId, createdAt, sla { firstResponseDueAt, firstResponseAt, firstResponseOverdue, resolutionDueAt, resolutionOverdue, paused, ... }. */
        InquiryInput: {
            [key: string]: unknown;
        };
        /** @description A message in the thread of an inquiry. */
        InquiryMessageInput: {
            body: string;
            /**
             * @description The status to move to with the message; by default a SOC answer is 'answered' and a customer reply 'new'.
             * @enum {string}
             */
            status?: "new" | "answered" | "waiting_customer" | "resolved" | "closed";
        };
        /** @description A message in the thread of an inquiry. */
        InquiryMessageInputInput: {
            body: string;
            /**
             * @description The status to move to with the message; by default a SOC answer is 'answered' and a customer reply 'new'.
             * @enum {string}
             */
            status?: "new" | "answered" | "waiting_customer" | "resolved" | "closed";
        };
        /** @description A tenant's SLA targets per priority. */
        InquirySla: {
            /** @description The priorities still on the default targets. */
            defaults: string[];
            targets: {
                [key: string]: {
                    firstResponseMinutes: number;
                    resolutionMinutes: number;
                };
            };
        };
        /** @description Targets to set, per priority; priorities left out keep theirs. */
        InquirySlaChange: {
            high?: {
                /** @description Minutes to the first SOC answer. */
                firstResponseMinutes: number;
                /** @description Minutes to resolution, not counting time spent waiting on the customer. */
                resolutionMinutes: number;
            };
            low?: {
                /** @description Minutes to the first SOC answer. */
                firstResponseMinutes: number;
                /** @description Minutes to resolution, not counting time spent waiting on the customer. */
                resolutionMinutes: number;
            };
            normal?: {
                /** @description Minutes to the first SOC answer. */
                firstResponseMinutes: number;
                /** @description Minutes to resolution, not counting time spent waiting on the customer. */
                resolutionMinutes: number;
            };
            urgent?: {
                /** @description Minutes to the first SOC answer. */
                firstResponseMinutes: number;
                /** @description Minutes to resolution, not counting time spent waiting on the customer. */
                resolutionMinutes: number;
            };
        };
        /** @description Targets to set, per priority; priorities left out keep theirs. */
        InquirySlaChangeInput: {
            high?: {
                /** @description Minutes to the first SOC answer. */
                firstResponseMinutes: number;
                /** @description Minutes to resolution, not counting time spent waiting on the customer. */
                resolutionMinutes: number;
            };
            low?: {
                /** @description Minutes to the first SOC answer. */
                firstResponseMinutes: number;
                /** @description Minutes to resolution, not counting time spent waiting on the customer. */
                resolutionMinutes: number;
            };
            normal?: {
                /** @description Minutes to the first SOC answer. */
                firstResponseMinutes: number;
                /** @description Minutes to resolution, not counting time spent waiting on the customer. */
                resolutionMinutes: number;
            };
            urgent?: {
                /** @description Minutes to the first SOC answer. */
                firstResponseMinutes: number;
                /** @description Minutes to resolution, not counting time spent waiting on the customer. */
                resolutionMinutes: number;
            };
        };
        /** @description A tenant's SLA targets per priority. */
        InquirySlaInput: {
            /** @description The priorities still on the default targets. */
            defaults: string[];
            targets: {
                [key: string]: {
                    firstResponseMinutes: number;
                    resolutionMinutes: number;
                };
            };
        };
        /** @description An indicator set in use. */
        IntelSet: {
            id: string;
            importedAt: number;
            indicators: number;
            name: string;
            source: string;
        };
        /** @description An indicator set in use. */
        IntelSetInput: {
            id: string;
            importedAt: number;
            indicators: number;
            name: string;
            source: string;
        };
        /** @description The custody chain checked entry by entry. */
        LedgerVerification: {
            ok: boolean;
            problems: {
                /** @enum {string} */
                kind: "hash_mismatch" | "broken_link" | "sequence_gap";
                message: string;
                seq: number;
            }[];
        };
        /** @description The custody chain checked entry by entry. */
        LedgerVerificationInput: {
            ok: boolean;
            problems: {
                /** @enum {string} */
                kind: "hash_mismatch" | "broken_link" | "sequence_gap";
                message: string;
                seq: number;
            }[];
        };
        /** @description A text in Japanese and English. */
        LocalizedText: {
            en: string;
            ja: string;
        };
        /** @description A text in Japanese and English. */
        LocalizedTextInput: {
            en: string;
            ja: string;
        };
        /** @description A communication to log in an incident. */
        NewCommunication: {
            /** @description Evidence ids of the evidence locker (files sent or received). */
            attachments?: string[];
            /** @description The full text, e.g. the mail as sent. */
            body?: string;
            /**
             * @description email, phone, meeting, chat, portal, letter.
             * @enum {string}
             */
            channel: "email" | "phone" | "meeting" | "chat" | "portal" | "letter";
            /** @description A contact of the incident's tenant or an installation-wide one. */
            contactId?: string;
            /** @description Who the other side was, in words, when there is no contact (required then). */
            counterpart?: string;
            /**
             * @description outgoing (we sent or said it) or incoming (they did).
             * @enum {string}
             */
            direction: "outgoing" | "incoming";
            /** @description When it was sent, said or received (epoch ms); default now. */
            occurredAt?: number;
            /** @description Marks the communication as a request that waits on the other side (a log request to a vendor). */
            request?: {
                /** @description When an answer is expected (epoch ms). */
                dueAt?: number | null;
                /**
                 * @description Default open.
                 * @enum {string}
                 */
                status?: "open" | "answered" | "closed";
            };
            subject: string;
            /** @description What was said or asked, in a line or two (the timeline shows it). */
            summary: string;
        };
        /** @description A communication to log in an incident. */
        NewCommunicationInput: {
            /** @description Evidence ids of the evidence locker (files sent or received). */
            attachments?: string[];
            /** @description The full text, e.g. the mail as sent. */
            body?: string;
            /**
             * @description email, phone, meeting, chat, portal, letter.
             * @enum {string}
             */
            channel: "email" | "phone" | "meeting" | "chat" | "portal" | "letter";
            /** @description A contact of the incident's tenant or an installation-wide one. */
            contactId?: string;
            /** @description Who the other side was, in words, when there is no contact (required then). */
            counterpart?: string;
            /**
             * @description outgoing (we sent or said it) or incoming (they did).
             * @enum {string}
             */
            direction: "outgoing" | "incoming";
            /** @description When it was sent, said or received (epoch ms); default now. */
            occurredAt?: number;
            /** @description Marks the communication as a request that waits on the other side (a log request to a vendor). */
            request?: {
                /** @description When an answer is expected (epoch ms). */
                dueAt?: number | null;
                /**
                 * @description Default open.
                 * @enum {string}
                 */
                status?: "open" | "answered" | "closed";
            };
            subject: string;
            /** @description What was said or asked, in a line or two (the timeline shows it). */
            summary: string;
        };
        /** @description A new contact. */
        NewContact: {
            /** @description Ways to reach the contact; the preferred one first to try (the first one when none is marked). */
            channels: components["schemas"]["ContactChannel"][];
            /** @description When and how to escalate to this contact, and who comes next. */
            escalationNotes?: string | null;
            /** @description When the contact can be reached, e.g. "平日 9:00-18:00 JST", "24/7". */
            hours?: string | null;
            /**
             * @description What the contact is: customer_csirt, management, vendor, isp, jpcert, police, regulator, legal, pr, other.
             * @enum {string}
             */
            kind: "customer_csirt" | "management" | "vendor" | "isp" | "jpcert" | "police" | "regulator" | "legal" | "pr" | "other";
            /**
             * @description Default ja.
             * @enum {string}
             */
            language?: "ja" | "en";
            /** @description A person, or empty for a desk or a team. */
            name?: string | null;
            /** @description The organization, e.g. "JPCERT/CC", "株式会社○○". */
            organization: string;
            /** @description Role or title, e.g. "情報システム部長", "support desk". */
            title?: string | null;
        };
        /** @description A new contact. */
        NewContactInput: {
            /** @description Ways to reach the contact; the preferred one first to try (the first one when none is marked). */
            channels: components["schemas"]["ContactChannelInput"][];
            /** @description When and how to escalate to this contact, and who comes next. */
            escalationNotes?: string | null;
            /** @description When the contact can be reached, e.g. "平日 9:00-18:00 JST", "24/7". */
            hours?: string | null;
            /**
             * @description What the contact is: customer_csirt, management, vendor, isp, jpcert, police, regulator, legal, pr, other.
             * @enum {string}
             */
            kind: "customer_csirt" | "management" | "vendor" | "isp" | "jpcert" | "police" | "regulator" | "legal" | "pr" | "other";
            /**
             * @description Default ja.
             * @enum {string}
             */
            language?: "ja" | "en";
            /** @description A person, or empty for a desk or a team. */
            name?: string | null;
            /** @description The organization, e.g. "JPCERT/CC", "株式会社○○". */
            organization: string;
            /** @description Role or title, e.g. "情報システム部長", "support desk". */
            title?: string | null;
        };
        /** @description A new inquiry to the SOC. */
        NewInquiry: {
            body: string;
            /**
             * @description urgent, high, normal or low: sets the SLA.
             * @enum {string}
             */
            priority?: "urgent" | "high" | "normal" | "low";
            subject: string;
            /**
             * @description question, request (ask the SOC to do something) or report (tell it).
             * @enum {string}
             */
            type: "question" | "request" | "report";
        };
        /** @description A new inquiry to the SOC. */
        NewInquiryInput: {
            body: string;
            /**
             * @description urgent, high, normal or low: sets the SLA.
             * @enum {string}
             */
            priority?: "urgent" | "high" | "normal" | "low";
            subject: string;
            /**
             * @description question, request (ask the SOC to do something) or report (tell it).
             * @enum {string}
             */
            type: "question" | "request" | "report";
        };
        /** @description What adding observables did. */
        ObservablesAdded: {
            added: number;
            /** @description How many the incident already had. */
            known: number;
            /** @description The observables named, as stored now. */
            observables: components["schemas"]["IncidentObservable"][];
        };
        /** @description What adding observables did. */
        ObservablesAddedInput: {
            added: number;
            /** @description How many the incident already had. */
            known: number;
            /** @description The observables named, as stored now. */
            observables: components["schemas"]["IncidentObservableInput"][];
        };
        /** @description An incident playbook: tasks per response phase (docs/playbooks.md). */
        Playbook: {
            categories: ("malware" | "phishing" | "unauthorized_access" | "dos" | "data_leak" | "web_defacement" | "insider" | "vulnerability" | "other")[];
            description: components["schemas"]["LocalizedText"];
            id: string;
            /** @enum {string} */
            origin: "starter" | "user";
            tasks: {
                checklist: components["schemas"]["LocalizedText"][];
                description?: components["schemas"]["LocalizedText"];
                /** @description Counted from the creation of the incident: 30m, 4h, 3d, 2w. */
                due?: string;
                id: string;
                /** @enum {string} */
                phase: "detection_analysis" | "containment" | "eradication" | "recovery" | "post_incident";
                /** @enum {string} */
                role: "soc_analyst" | "csirt" | "it_ops" | "management" | "legal" | "pr" | "hr" | "helpdesk";
                templates: {
                    body: components["schemas"]["LocalizedText"];
                    id: string;
                    title: components["schemas"]["LocalizedText"];
                }[];
                title: components["schemas"]["LocalizedText"];
                when?: {
                    /** @enum {string} */
                    minSeverity: "informational" | "low" | "medium" | "high" | "critical";
                };
            }[];
            title: components["schemas"]["LocalizedText"];
            version: number;
        };
        /** @description An incident playbook: tasks per response phase (docs/playbooks.md). */
        PlaybookInput: {
            categories: ("malware" | "phishing" | "unauthorized_access" | "dos" | "data_leak" | "web_defacement" | "insider" | "vulnerability" | "other")[];
            description: components["schemas"]["LocalizedTextInput"];
            id: string;
            /** @enum {string} */
            origin: "starter" | "user";
            tasks: {
                checklist: components["schemas"]["LocalizedTextInput"][];
                description?: components["schemas"]["LocalizedTextInput"];
                /** @description Counted from the creation of the incident: 30m, 4h, 3d, 2w. */
                due?: string;
                id: string;
                /** @enum {string} */
                phase: "detection_analysis" | "containment" | "eradication" | "recovery" | "post_incident";
                /** @enum {string} */
                role: "soc_analyst" | "csirt" | "it_ops" | "management" | "legal" | "pr" | "hr" | "helpdesk";
                templates: {
                    body: components["schemas"]["LocalizedTextInput"];
                    id: string;
                    title: components["schemas"]["LocalizedTextInput"];
                }[];
                title: components["schemas"]["LocalizedTextInput"];
                when?: {
                    /** @enum {string} */
                    minSeverity: "informational" | "low" | "medium" | "high" | "critical";
                };
            }[];
            title: components["schemas"]["LocalizedTextInput"];
            version: number;
        };
        /** @description Who a request acts as. */
        SignedInUser: {
            id: string;
            /** @enum {string} */
            role: "admin" | "soc_analyst" | "csirt" | "viewer";
            /** @description "all" for admins, otherwise the tenants the user acts in. */
            tenants: "all" | string[];
            username: string;
        };
        /** @description Who a request acts as. */
        SignedInUserInput: {
            id: string;
            /** @enum {string} */
            role: "admin" | "soc_analyst" | "csirt" | "viewer";
            /** @description "all" for admins, otherwise the tenants the user acts in. */
            tenants: "all" | string[];
            username: string;
        };
        /** @description What to fill a template with. */
        TemplateRenderRequest: {
            /** @description The addressee, a contact usable in the incident. */
            contactId?: string;
            /** @description The incident the draft is about. */
            incidentId: string;
            /**
             * @description ja or en; by default the contact's, else the tenant's.
             * @enum {string}
             */
            language?: "ja" | "en";
            /** @description Placeholder values such as "period.from" or "requested.items" (a list: one line each). */
            values?: {
                [key: string]: string | string[];
            };
        };
        /** @description What to fill a template with. */
        TemplateRenderRequestInput: {
            /** @description The addressee, a contact usable in the incident. */
            contactId?: string;
            /** @description The incident the draft is about. */
            incidentId: string;
            /**
             * @description ja or en; by default the contact's, else the tenant's.
             * @enum {string}
             */
            language?: "ja" | "en";
            /** @description Placeholder values such as "period.from" or "requested.items" (a list: one line each). */
            values?: {
                [key: string]: string | string[];
            };
        };
        /** @description A tenant and its settings. */
        Tenant: {
            createdAt: string;
            disabledAt: string | null;
            id: string;
            /** @enum {string} */
            language: "ja" | "en";
            name: string;
            /** @description Days events are kept; null: the installation default. */
            retentionDays: number | null;
            /** @description Addresses or CIDR ranges whose syslog messages belong to it. */
            sources: string[];
            timeZone: string;
            updatedAt: string;
        };
        /** @description A tenant and its settings. */
        TenantInput: {
            createdAt: string;
            disabledAt: string | null;
            id: string;
            /** @enum {string} */
            language: "ja" | "en";
            name: string;
            /** @description Days events are kept; null: the installation default. */
            retentionDays: number | null;
            /** @description Addresses or CIDR ranges whose syslog messages belong to it. */
            sources: string[];
            timeZone: string;
            updatedAt: string;
        };
        /** @description A tenant's noise: events -> findings -> suppressed -> alerts -> escalated. */
        TenantNoise: {
            /** @description Alerts whose first finding is in the period. */
            alerts: number;
            /** @description Alerts escalated (true positive) in the period. */
            escalated: number;
            /** @description Stored events; null when no event counter is configured. */
            events: number | null;
            falsePositives: number;
            findings: number;
            fpRate: number | null;
            from: number;
            medianAcknowledgeMs: number | null;
            medianEscalateMs: number | null;
            suppressed: number;
            tenant: string;
            to: number;
            /** @description Rules by findings (suppressed included), the noisiest first. */
            topRules: {
                alerts: number;
                falsePositives: number;
                findings: number;
                /** @description False / (false + true) positives decided in the period; null if none. */
                fpRate: number | null;
                ruleId: string;
                suppressed: number;
                title: string;
                truePositives: number;
            }[];
            truePositives: number;
        };
        /** @description A tenant's noise: events -> findings -> suppressed -> alerts -> escalated. */
        TenantNoiseInput: {
            /** @description Alerts whose first finding is in the period. */
            alerts: number;
            /** @description Alerts escalated (true positive) in the period. */
            escalated: number;
            /** @description Stored events; null when no event counter is configured. */
            events: number | null;
            falsePositives: number;
            findings: number;
            fpRate: number | null;
            from: number;
            medianAcknowledgeMs: number | null;
            medianEscalateMs: number | null;
            suppressed: number;
            tenant: string;
            to: number;
            /** @description Rules by findings (suppressed included), the noisiest first. */
            topRules: {
                alerts: number;
                falsePositives: number;
                findings: number;
                /** @description False / (false + true) positives decided in the period; null if none. */
                fpRate: number | null;
                ruleId: string;
                suppressed: number;
                title: string;
                truePositives: number;
            }[];
            truePositives: number;
        };
        /** @description One entry of an incident timeline. */
        TimelineEntry: {
            actor: {
                id: string;
                name: string;
            };
            details: {
                [key: string]: unknown;
            } | null;
            /** @description When it happened, if known apart from when it was recorded. */
            eventTime: number | null;
            id: string;
            incidentId: string;
            /** @enum {string} */
            kind: "created" | "status" | "phase" | "assignment" | "alert" | "task" | "observable" | "evidence" | "communication" | "inquiry" | "report" | "comment" | "manual";
            recordedAt: number;
            /** @description What the entry is about. */
            ref: {
                id: string;
                type: string;
            } | null;
            summary: string;
            tenant: string;
        };
        /** @description One entry of an incident timeline. */
        TimelineEntryInput: {
            actor: {
                id: string;
                name: string;
            };
            details: {
                [key: string]: unknown;
            } | null;
            /** @description When it happened, if known apart from when it was recorded. */
            eventTime: number | null;
            id: string;
            incidentId: string;
            /** @enum {string} */
            kind: "created" | "status" | "phase" | "assignment" | "alert" | "task" | "observable" | "evidence" | "communication" | "inquiry" | "report" | "comment" | "manual";
            recordedAt: number;
            /** @description What the entry is about. */
            ref: {
                id: string;
                type: string;
            } | null;
            summary: string;
            tenant: string;
        };
        /** @description A local user account (never its password hash). */
        User: {
            createdAt: string;
            disabledAt: string | null;
            displayName: string;
            failedLogins: number;
            id: string;
            lockedUntil: string | null;
            passwordChangedAt: string;
            /** @enum {string} */
            role: "admin" | "soc_analyst" | "csirt" | "viewer";
            /** @description Assigned tenants; empty for admins, who act in every tenant. */
            tenants: string[];
            updatedAt: string;
            username: string;
        };
        /** @description A local user account (never its password hash). */
        UserInput: {
            createdAt: string;
            disabledAt: string | null;
            displayName: string;
            failedLogins: number;
            id: string;
            lockedUntil: string | null;
            passwordChangedAt: string;
            /** @enum {string} */
            role: "admin" | "soc_analyst" | "csirt" | "viewer";
            /** @description Assigned tenants; empty for admins, who act in every tenant. */
            tenants: string[];
            updatedAt: string;
            username: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
