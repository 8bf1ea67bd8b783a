// The facts the page's scripts share with Rust, one source each. Written by the site crate
// (crates/site/src/facts.rs): do not edit; `UPDATE_GENERATED=1 cargo test -p ecs-guide-site --test generated`
// rewrites it, and that test fails while it differs.

/** Every input key, in the guide's order (InputKey::ALL): form names and the embed's attributes. */
export const INPUT_KEYS = ["aws-account-id","shippable-aws-account-id","external-id","role-name","policy-name","user-name","user-policy-name","partition","existing-trust-policy","existing-permissions-policy","hardened"];

/** The inputs that are pasted policies, not typed values. */
export const PASTED_INPUT_KEYS = ["existing-trust-policy","existing-permissions-policy"];

/** Each input's name in messages, in the guide's words (InputKey::label). */
export const INPUT_LABELS = {"aws-account-id":"Your AWS account ID","shippable-aws-account-id":"Shippable's AWS account ID","external-id":"External ID","role-name":"Role name","policy-name":"Policy name","user-name":"User name","user-policy-name":"User policy name","partition":"Partition","existing-trust-policy":"Current trust relationship","existing-permissions-policy":"Your existing permissions policy","hardened":"Hardened (least privilege)"};

/** The partitions an input may name. */
export const PARTITIONS = ["aws","aws-cn","aws-us-gov"];

/** Every output id, in the guide's order (OutputId::ALL): the page's data-output values. */
export const OUTPUT_IDS = ["cross-account-permissions-policy","cross-account-trust-statement","cross-account-trust-policy","cross-account-role-arn","account-keys-user-policy","account-keys-role-trust-policy","merged-trust-policy","permissions-check","cross-account-aws-cli","cross-account-cloudformation","cross-account-terraform","cross-account-verification","account-keys-aws-cli","account-keys-cloudformation","account-keys-terraform","account-keys-verification"];

/** The outputs the small build makes (the rest need the full build). */
export const SMALL_BUILD_OUTPUT_IDS = ["cross-account-permissions-policy","cross-account-trust-statement","cross-account-trust-policy","cross-account-role-arn","account-keys-user-policy","account-keys-role-trust-policy"];

/** The inputs each output is made from, Hardened on or off (OutputId::depends_on), in the guide's order. */
export const OUTPUT_INPUTS = {"cross-account-permissions-policy":["aws-account-id","partition"],"cross-account-trust-statement":[],"cross-account-trust-policy":["shippable-aws-account-id","external-id","partition"],"cross-account-role-arn":["aws-account-id","role-name","partition"],"account-keys-user-policy":["aws-account-id","partition"],"account-keys-role-trust-policy":[],"merged-trust-policy":["shippable-aws-account-id","external-id","partition","existing-trust-policy"],"permissions-check":["aws-account-id","partition","existing-permissions-policy"],"cross-account-aws-cli":["aws-account-id","shippable-aws-account-id","external-id","role-name","policy-name","partition"],"cross-account-cloudformation":["aws-account-id","shippable-aws-account-id","external-id","role-name","policy-name","partition"],"cross-account-terraform":["aws-account-id","shippable-aws-account-id","external-id","role-name","policy-name","partition"],"cross-account-verification":["aws-account-id","shippable-aws-account-id","external-id","role-name","policy-name","partition"],"account-keys-aws-cli":["aws-account-id","role-name","user-name","user-policy-name","partition"],"account-keys-cloudformation":["aws-account-id","role-name","user-name","user-policy-name","partition"],"account-keys-terraform":["aws-account-id","role-name","user-name","user-policy-name","partition"],"account-keys-verification":["aws-account-id","role-name","user-name","user-policy-name","partition"]};

/** Each output's file extension (its download and its golden file). */
export const EXTENSIONS = {"cross-account-permissions-policy":"json","cross-account-trust-statement":"json","cross-account-trust-policy":"json","cross-account-role-arn":"txt","account-keys-user-policy":"json","account-keys-role-trust-policy":"json","merged-trust-policy":"json","permissions-check":"txt","cross-account-aws-cli":"sh","cross-account-cloudformation":"yaml","cross-account-terraform":"tf","cross-account-verification":"sh","account-keys-aws-cli":"sh","account-keys-cloudformation":"yaml","account-keys-terraform":"tf","account-keys-verification":"sh"};

/** The site's Content-Security-Policy, as its pages' <meta> carries it. */
export const CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

/** What only a response header can add to it (a <meta> cannot). */
export const HEADER_ONLY_CONTENT_SECURITY_POLICY = "frame-ancestors 'self'";

/** The reader's word for each severity of a finding. */
export const SEVERITY_LABELS = {"error":"Problem","warning":"Warning","note":"Note"};

/** A size meter: its low and high bounds as fractions of the quota, and its sentence. */
export const SIZE_METER = {"low":[3,4],"high":[9,10],"sentence":"Size: {used} of {limit} characters ({percent}%) of the {quota}, whitespace not counted."};

/** The IDs the cross-account documents need, counted by the readiness line. */
export const ID_KEYS = ["aws-account-id","shippable-aws-account-id","external-id"];

/** The readiness line, while IDs are missing, once all are set, and while values from a link are held. */
export const READINESS = {"waiting":"{set} of {total} values set: the documents show placeholders where the others go.","ready":"{set} of {total} values set: every document is ready.","held":"{set} of {total} values set, but Shippable's AWS account ID or the external ID came from a link: the trust policy and the scripts and templates made with it wait until you check those values at the top of “Your values” and confirm them."};
