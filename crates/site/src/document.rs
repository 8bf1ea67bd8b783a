//! A generated document as HTML: its frame (title, Copy, Download, where it goes), text, status and checks.

use crate::live_text::{escaped, live_text};
use ecs_guide::{Guide, Output, OutputId};

/// The reader's name for a document.
pub fn title(id: OutputId) -> &'static str {
    match id {
        OutputId::CrossAccountPermissionsPolicy => {
            "Permissions policy (inline policy {policy-name})"
        }
        OutputId::CrossAccountTrustStatement => "Statement to add to the trust policy",
        OutputId::CrossAccountTrustPolicy => "Complete trust policy",
        OutputId::CrossAccountRoleArn => "Role ARN",
        OutputId::AccountKeysUserPolicy => "User policy (inline policy {user-policy-name})",
        OutputId::AccountKeysRoleTrustPolicy => "Trust policy of the role",
        OutputId::MergedTrustPolicy => {
            "Your trust relationship, with the guide\u{2019}s statements merged in"
        }
        OutputId::PermissionsCheck => "What your policy grants of the guide\u{2019}s actions",
        OutputId::CrossAccountAwsCli | OutputId::AccountKeysAwsCli => "AWS CLI script",
        OutputId::CrossAccountCloudformation | OutputId::AccountKeysCloudformation => {
            "CloudFormation template"
        }
        OutputId::CrossAccountTerraform | OutputId::AccountKeysTerraform => {
            "Terraform configuration"
        }
        OutputId::CrossAccountVerification | OutputId::AccountKeysVerification => {
            "Verification commands"
        }
    }
}

/// Where a document goes, in the console's own words.
pub fn destination(id: OutputId) -> &'static str {
    match id {
        OutputId::CrossAccountPermissionsPolicy => {
            "IAM \u{2192} Roles \u{2192} {role-name} \u{2192} Permissions \u{2192} Add permissions \u{2192} Create inline policy \u{2192} JSON. Not the trust policy."
        }
        OutputId::CrossAccountTrustStatement => {
            "IAM \u{2192} Roles \u{2192} {role-name} \u{2192} Trust relationships \u{2192} Edit trust policy, inside the \u{201c}Statement\u{201d} array."
        }
        OutputId::CrossAccountTrustPolicy => {
            "IAM \u{2192} Roles \u{2192} {role-name} \u{2192} Trust relationships \u{2192} Edit trust policy. Not the permissions policy."
        }
        OutputId::CrossAccountRoleArn => {
            "Shippable \u{2192} Account Settings \u{2192} Integrations \u{2192} Add Integration \u{2192} Amazon Web Services (IAM)."
        }
        OutputId::AccountKeysUserPolicy => {
            "IAM \u{2192} Users \u{2192} {user-name} \u{2192} Permissions \u{2192} Add permissions \u{2192} Create inline policy \u{2192} JSON."
        }
        OutputId::AccountKeysRoleTrustPolicy | OutputId::MergedTrustPolicy => {
            "IAM \u{2192} Roles \u{2192} {role-name} \u{2192} Trust relationships \u{2192} Edit trust policy, replacing all of it."
        }
        OutputId::PermissionsCheck => {
            "Nothing: read it, and add any statement it gives to your policy in the console\u{2019}s JSON editor."
        }
        OutputId::CrossAccountAwsCli | OutputId::AccountKeysAwsCli => {
            "A terminal with the AWS CLI signed in to your AWS account (AWS CloudShell is one): paste, or download and run with bash."
        }
        OutputId::CrossAccountCloudformation | OutputId::AccountKeysCloudformation => {
            "A file, then CloudFormation \u{2192} Create stack, or aws cloudformation deploy with CAPABILITY_NAMED_IAM."
        }
        OutputId::CrossAccountTerraform | OutputId::AccountKeysTerraform => {
            "A file such as shippable-ecs.tf in an empty folder, then terraform init and terraform apply."
        }
        OutputId::CrossAccountVerification | OutputId::AccountKeysVerification => {
            "A terminal with the AWS CLI, once the set-up is done."
        }
    }
}

/// A generated document in a frame: a title bar (its name, a "Hardened" badge where the switch
/// changes it, Copy and Download, where it goes), its text, its status, then its findings and size
/// against its quota collapsed under one line.
pub fn output_block(output: &Output, guide: &Guide) -> String {
    let id = output.id.id();
    let download = if downloadable(output.id) {
        format!(
            "<button type=\"button\" class=\"download\" id=\"download-{id}\" aria-labelledby=\"download-{id} title-{id}\" data-download=\"output-{id}\" data-filename=\"{file}\">Download</button>",
            file = download_name(output.id),
        )
    } else {
        String::new()
    };
    let badge = if hardened_changes(output.id) {
        "<span class=\"badge badge-hardened\">Hardened</span>"
    } else {
        ""
    };
    let size = size_meter(output);
    let extras = if size.is_empty() && !has_findings(output.id) {
        String::new()
    } else {
        format!(
            "<details class=\"document-extras\"><summary>Checks on this document: findings{}</summary>{size}{findings}</details>",
            if size.is_empty() { "" } else { " and its size against the IAM quota" },
            findings = findings_list(output),
        )
    };
    format!(
        "<figure class=\"document\" data-document=\"{id}\"{state}>\
<figcaption class=\"frame-head\"><span class=\"frame-title\"><span class=\"document-title\" id=\"title-{id}\">{title}</span>{badge}</span>\
<span class=\"document-actions\"><button type=\"button\" class=\"copy\" id=\"copy-{id}\" aria-labelledby=\"copy-{id} title-{id}\" data-copy=\"output-{id}\">Copy</button>{download}</span>\
<span class=\"where\"><span class=\"where-label\">{where_label}</span> {where_}</span></figcaption>\
<pre tabindex=\"0\" role=\"group\" aria-labelledby=\"title-{id}\"><code id=\"output-{id}\" data-output=\"{id}\" data-complete=\"{complete}\">{text}</code></pre>\
<p class=\"document-status\" data-status-for=\"{id}\" data-complete=\"{complete}\">{status}</p>{extras}</figure>\n",
        state = if state(output) == "explanation" { " data-state=\"explanation\"" } else { "" },
        text = if written_by_script(output.id) { String::new() } else { escaped(&output.text) },
        status = if written_by_script(output.id) {
            SCRIPT_WRITES.to_owned()
        } else {
            escaped(&output.status())
        },
        title = live_text(title(output.id), guide),
        where_label = if output.id == OutputId::PermissionsCheck { "Paste:" } else { "Paste into:" },
        where_ = live_text(destination(output.id), guide),
        complete = output.complete,
    )
}

/// The scripts, templates and commands (kilobytes each) are not in the page: the full build
/// writes them when the reader chooses a way that shows them, so the first visit stays small.
pub fn written_by_script(id: OutputId) -> bool {
    !id.in_the_small_build()
        && !matches!(id, OutputId::MergedTrustPolicy | OutputId::PermissionsCheck)
}

/// What such a document says until its script writes it (with JavaScript off, for good).
const SCRIPT_WRITES: &str =
    "Written here by the page\u{2019}s script, with your values: it needs JavaScript.";

/// `document` when the text is a document (complete or with placeholders), `explanation` when it
/// says what is missing instead (a merge or check with nothing, or nothing readable, pasted): an
/// explanation has nothing to copy.
pub fn state(output: &Output) -> &'static str {
    if output.waiting_for.iter().any(|key| key.is_pasted()) {
        "explanation"
    } else {
        "document"
    }
}

/// The documents the hardened switch changes (least privilege, a Version on every policy).
pub fn hardened_changes(id: OutputId) -> bool {
    !matches!(
        id,
        OutputId::CrossAccountTrustStatement
            | OutputId::CrossAccountTrustPolicy
            | OutputId::CrossAccountRoleArn
            | OutputId::AccountKeysRoleTrustPolicy
            | OutputId::MergedTrustPolicy
    )
}

/// The documents the project's rules can say something about (besides their size).
fn has_findings(id: OutputId) -> bool {
    matches!(
        id,
        OutputId::CrossAccountPermissionsPolicy
            | OutputId::AccountKeysUserPolicy
            | OutputId::AccountKeysRoleTrustPolicy
            | OutputId::CrossAccountTrustPolicy
            | OutputId::MergedTrustPolicy
    )
}

/// Scripts, templates and merged documents are also offered as files.
fn downloadable(id: OutputId) -> bool {
    !matches!(
        id,
        OutputId::CrossAccountRoleArn | OutputId::CrossAccountTrustStatement
    )
}

/// The file a download is saved as, named for the method and the document.
pub fn download_name(id: OutputId) -> String {
    let name = match id {
        OutputId::CrossAccountCloudformation | OutputId::AccountKeysCloudformation => {
            format!(
                "shippable-{}",
                id.id().replace("-cloudformation", "-ecs.cfn")
            )
        }
        OutputId::CrossAccountTerraform | OutputId::AccountKeysTerraform => {
            format!("shippable-{}", id.id().replace("-terraform", "-ecs"))
        }
        _ => format!("shippable-{}", id.id()),
    };
    format!("{name}.{}", id.extension())
}

/// The size meter of a document IAM limits: characters used against the quota.
fn size_meter(output: &Output) -> String {
    if output.size.is_none() {
        return String::new();
    }
    // Its figures are written by the script on its first update (the first visit stays small).
    let id = output.id.id();
    format!(
        "<p class=\"size\" data-size-for=\"{id}\" hidden><meter id=\"size-{id}\" optimum=\"0\" \
aria-labelledby=\"size-text-{id}\"></meter> <span id=\"size-text-{id}\" data-size-text></span></p>"
    )
}

/// The list of findings on a document, empty: the full build fills it (most serious first) when
/// the reader opens the document's checks or nears the sections it makes.
fn findings_list(output: &Output) -> String {
    format!(
        "<ul class=\"findings\" data-findings-for=\"{}\" aria-label=\"Findings\"></ul>",
        output.id.id()
    )
}

/// A plain code block with a copy button, both named for what the block is ("HTML example").
pub fn code(lang: &str, text: &str) -> String {
    let class = if lang.is_empty() {
        String::new()
    } else {
        format!(" class=\"language-{}\"", escaped(lang))
    };
    let name = match lang {
        "" => "Example".to_owned(),
        "js" | "javascript" => "JavaScript example".to_owned(),
        "ts" | "typescript" => "TypeScript example".to_owned(),
        "jsx" | "tsx" => "React example".to_owned(),
        "sh" | "bash" | "shell" => "Shell example".to_owned(),
        other => format!("{} example", escaped(&other.to_uppercase())),
    };
    format!(
        "<div class=\"document-body\"><pre tabindex=\"0\" role=\"group\" aria-label=\"{name}\"><code{class}>{}</code></pre>\
<button type=\"button\" class=\"copy\" aria-label=\"Copy the {lower}\" data-copy-previous>Copy</button></div>\n",
        escaped(text),
        lower = if lang.is_empty() { "example".to_owned() } else { name.clone() },
    )
}
