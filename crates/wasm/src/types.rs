//! The TypeScript of what crosses the boundary; `tests/types.rs` checks its unions against the
//! core's enums (input keys, output ids, error codes, severities).

pub const TYPES: &str = r#"
/** An input key: the form control's `name` and the embed's attribute. */
export type InputKey =
  | "aws-account-id" | "shippable-aws-account-id" | "external-id" | "role-name"
  | "policy-name" | "user-name" | "user-policy-name" | "partition"
  | "existing-trust-policy" | "existing-permissions-policy" | "hardened";

/** A generated document's id: the page's `data-output` value. */
export type OutputId =
  | "cross-account-permissions-policy" | "cross-account-trust-statement"
  | "cross-account-trust-policy" | "cross-account-role-arn"
  | "account-keys-user-policy" | "account-keys-role-trust-policy"
  | "merged-trust-policy" | "permissions-check"
  | "cross-account-aws-cli" | "cross-account-cloudformation" | "cross-account-terraform"
  | "cross-account-verification"
  | "account-keys-aws-cli" | "account-keys-cloudformation" | "account-keys-terraform"
  | "account-keys-verification";

/**
 * What the reader typed; a missing key counts as empty (names and partition then take the guide's
 * default). `existing-trust-policy` and `existing-permissions-policy` take pasted JSON;
 * `hardened` takes "true" or "false".
 */
export type GuideInputs = Partial<Record<InputKey, string | null>>;

/** The rule an input broke. */
export interface InputError {
  code: "missing" | "account-id-not-digit" | "account-id-length" | "character-not-allowed"
      | "too-short" | "too-long" | "unknown-partition"
      | "invalid-json" | "duplicate-key" | "not-a-policy" | "wrong-document" | "not-a-switch"
      | "paste-too-large" | "paste-too-deep";
  /** Names the field, the rule and what was wrong. */
  message: string;
}

export interface InputState {
  /** The normalised value (`1234-5678-9012` becomes `123456789012`), or null when not valid. */
  value: string | null;
  /** What the guide's prose shows: the value, or the guide's placeholder. */
  shown: string;
  error: InputError | null;
}

/** A finding of the project's rules on a document, in plain words. */
export interface Finding {
  rule: "passrole-any-resource" | "redundant-action" | "missing-version" | "deprecated-ecs-service-role"
      | "same-account" | "cross-partition-trust" | "size-over-quota" | "size-near-quota"
      | "trusts-anyone" | "no-external-id" | "deny-blocks-guide" | "other-partition-principal"
      | "external-id-not-exact" | "other-external-id" | "trusts-other-principal" | "principal-wildcard";
  severity: "note" | "warning" | "error";
  message: string;
}

/** A document's size against its IAM quota, whitespace not counted. */
export interface Size {
  used: number;
  limit: number;
  quota: string;
}

/**
 * The permissions check's verdict on one of the guide's actions, as IAM evaluates the pasted
 * policy: every real AWS action it stands for (`ec2:Describe*`: every ec2 Describe action), on every
 * resource of the reader's account in the chosen partition, under any request context.
 * `granted`: all allowed; `partial`: only on some resources; `conditional`: only under a condition;
 * `denied`: an explicit Deny blocks it (adding an Allow cannot help); `missing`: nothing allows it.
 */
export interface ActionVerdict {
  action: string;
  state: "granted" | "partial" | "conditional" | "denied" | "missing";
  /** The statements that decide it (index from 0, and `Sid`): allowing, denying or limiting. */
  statements: { index: number; sid: string | null }[];
  /** Why, in words; pasted text quoted and escaped. */
  detail: string;
}

/** The check's data: a verdict per guide action, and the statements to add (pretty-printed JSON). */
export interface PermissionsCheck {
  verdicts: ActionVerdict[];
  /** Exactly what turns the `missing` actions into `granted` ones; empty when none is missing. */
  add: string[];
}

export interface OutputState {
  /** Exactly what to paste; holds the guide's placeholders while incomplete. */
  text: string;
  /** True when every input the output depends on is valid. */
  complete: boolean;
  /**
   * A sentence for the reader: "Ready to paste." (or run, save and deploy, read), which values it
   * still needs, or, beside findings, "Not ready to paste: …" (an error) or "Ready to paste once
   * you have read the warnings below." (a warning).
   */
  status: string;
  /** The inputs still missing or invalid. */
  waitingFor: InputKey[];
  /** What the project's rules say about it, most serious first (the full build's; empty in the small one). */
  findings: Finding[];
  /** Its size against its IAM quota, for the documents IAM limits; otherwise null. */
  size: Size | null;
  /** `permissions-check` only, once a policy is pasted and read: its verdicts. */
  check?: PermissionsCheck;
}

/**
 * The guide. `ecs_guide.js` (the small build, loaded first) has the six documents and reports no
 * state for the pasted policies; `ecs_guide_full.js` has every output and input. A `LiveGuide`
 * update holds only the outputs that changed since its last update.
 */
export interface Guide {
  /** True when every output is complete. */
  complete: boolean;
  outputs: Partial<Record<OutputId, OutputState>>;
  inputs: Partial<Record<InputKey, InputState>>;
}
"#;
