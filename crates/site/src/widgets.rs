//! The live parts of a page as HTML: the "Your values" form, generated documents, live names, form drawings.

use ecs_guide::{Guide, InputKey};
use ecs_guide::{Output, OutputId};
use pulldown_cmark_escape::escape_html;

/// HTML-escapes text for element content and quoted attribute values.
pub fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    // Writing into a String cannot fail.
    let _ = escape_html(&mut out, text);
    out
}

fn token(key: InputKey) -> String {
    format!("{{{}}}", key.key())
}

/// True when `text` holds a `{input-key}` token.
pub fn has_live_names(text: &str) -> bool {
    InputKey::ALL.iter().any(|k| text.contains(&token(*k)))
}

/// A span that shows an input's value (or the guide's placeholder) and follows what is typed.
pub fn live_name(key: InputKey, guide: &Guide) -> String {
    format!(
        "<span data-input=\"{}\">{}</span>",
        key.key(),
        escaped(&guide.input(key).shown)
    )
}

/// Escapes `text`, turning each `{input-key}` token into a live span.
pub fn live_text(text: &str, guide: &Guide) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let found = InputKey::ALL
            .into_iter()
            .find(|k| rest[start..].starts_with(&token(*k)));
        match found {
            Some(key) => {
                out.push_str(&escaped(&rest[..start]));
                out.push_str(&live_name(key, guide));
                rest = &rest[start + token(key).len()..];
            }
            None => {
                out.push_str(&escaped(&rest[..=start]));
                rest = &rest[start + 1..];
            }
        }
    }
    out.push_str(&escaped(rest));
    out
}

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
            "<button type=\"button\" class=\"download\" data-download=\"output-{id}\" data-filename=\"{file}\">Download</button>",
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
<span class=\"document-actions\"><button type=\"button\" class=\"copy\" data-copy=\"output-{id}\" aria-describedby=\"title-{id}\">Copy</button>{download}</span>\
<span class=\"where\"><span class=\"where-label\">{where_label}</span> {where_}</span></figcaption>\
<pre tabindex=\"0\" aria-labelledby=\"title-{id}\"><code id=\"output-{id}\" data-output=\"{id}\" data-complete=\"{complete}\">{text}</code></pre>\
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

/// A plain code block with a copy button.
pub fn code(lang: &str, text: &str) -> String {
    let class = if lang.is_empty() {
        String::new()
    } else {
        format!(" class=\"language-{}\"", escaped(lang))
    };
    format!(
        "<div class=\"document-body\"><pre tabindex=\"0\"><code{class}>{}</code></pre>\
<button type=\"button\" class=\"copy\" data-copy-previous>Copy</button></div>\n",
        escaped(text)
    )
}

/// Where to find a value, shown under its field.
fn hint(key: InputKey) -> String {
    let hint = match key {
        InputKey::AwsAccountId => "12 digits, in the AWS console\u{2019}s account menu at the top right (1234-5678-9012 is fine).",
        InputKey::ShippableAwsAccountId => "12 digits, given to you by Shippable: the account that assumes your role (step 1\u{2019}s \u{201c}Account Id\u{201d}).",
        InputKey::ExternalId => "Your Shippable account ID: Shippable \u{2192} Account Settings \u{2192} Accounts.",
        InputKey::RoleName | InputKey::PolicyName | InputKey::UserName | InputKey::UserPolicyName => {
            // The length and characters of the core's rules table.
            return format!(
                "Empty: the guide\u{2019}s name. Up to {} letters, digits and {}",
                key.rule().max_length().unwrap_or_default(),
                key.rule().punctuation_in_words()
            );
        }
        InputKey::Partition => "aws for most accounts; aws-cn for the China regions; aws-us-gov for AWS GovCloud (US).",
        InputKey::ExistingTrustPolicy => "IAM \u{2192} Roles \u{2192} your role \u{2192} Trust relationships: copy the whole document. It stays in this page.",
        InputKey::ExistingPermissionsPolicy => "A permissions policy from the Permissions tab of a role or user, as JSON. It stays in this page.",
        InputKey::Hardened => "Least privilege: iam:PassRole only for your account\u{2019}s roles passed to ECS, a Version on every policy, no redundant actions. Off, the documents are the guide\u{2019}s.",
    };
    hint.to_owned()
}

/// One labelled field with its hint and its (initially empty) error message.
pub fn field(key: InputKey) -> String {
    let name = key.key();
    let described = format!("hint-{name} error-{name}");
    let control = if matches!(
        key,
        InputKey::ExistingTrustPolicy | InputKey::ExistingPermissionsPolicy
    ) {
        format!(
            "<textarea id=\"input-{name}\" name=\"{name}\" rows=\"8\" autocomplete=\"off\" autocapitalize=\"off\" \
spellcheck=\"false\" aria-describedby=\"{described}\" placeholder=\"{{&quot;Version&quot;: &quot;2012-10-17&quot;, &quot;Statement&quot;: [ \u{2026} ]}}\"></textarea>"
        )
    } else if key == InputKey::Hardened {
        return format!(
            "<div class=\"field field-switch\" data-field=\"{name}\"><input id=\"input-{name}\" name=\"{name}\" type=\"checkbox\" value=\"true\" \
aria-describedby=\"{described}\"><label for=\"input-{name}\">{label}</label>\
<p class=\"hint\" id=\"hint-{name}\">{hint}</p><p class=\"error\" id=\"error-{name}\" data-error-for=\"{name}\"></p></div>",
            label = escaped(key.label()),
            hint = escaped(&hint(key)),
        );
    } else if key == InputKey::Partition {
        let options: String = ecs_guide::Partition::ALL
            .iter()
            .map(|p| format!("<option value=\"{0}\">{0}</option>", p.as_str()))
            .collect();
        format!("<select id=\"input-{name}\" name=\"{name}\" aria-describedby=\"{described}\">{options}</select>")
    } else {
        let inputmode = match key {
            InputKey::AwsAccountId | InputKey::ShippableAwsAccountId => " inputmode=\"numeric\"",
            _ => "",
        };
        let placeholder = key
            .default_value()
            .map(|d| format!(" placeholder=\"{}\"", escaped(d)))
            .unwrap_or_default();
        format!(
            "<input id=\"input-{name}\" name=\"{name}\" type=\"text\"{inputmode}{placeholder} \
autocomplete=\"off\" autocapitalize=\"off\" spellcheck=\"false\" aria-describedby=\"{described}\">"
        )
    };
    format!(
        "<div class=\"field\" data-field=\"{name}\"><label for=\"input-{name}\">{label}</label>{control}\
<p class=\"hint\" id=\"hint-{name}\">{hint}</p><p class=\"error\" id=\"error-{name}\" data-error-for=\"{name}\"></p></div>",
        label = escaped(key.label()),
        hint = escaped(&hint(key)),
    )
}

/// The fields of each group of the form, and which method each group serves: first the three IDs,
/// then, under "Names and options", what has a default.
pub const FIELD_GROUPS: [(&str, Option<&str>, &[InputKey]); 4] = [
    (
        "Your three IDs",
        Some("cross-account"),
        &[
            InputKey::AwsAccountId,
            InputKey::ShippableAwsAccountId,
            InputKey::ExternalId,
        ],
    ),
    (
        "Both methods",
        None,
        &[InputKey::RoleName, InputKey::Partition, InputKey::Hardened],
    ),
    (
        "Cross-account role",
        Some("cross-account"),
        &[InputKey::PolicyName],
    ),
    (
        "Account keys",
        Some("account-keys"),
        &[InputKey::UserName, InputKey::UserPolicyName],
    ),
];

/// The choice of method, right under the guide's introduction: one method shows at a time
/// (with JavaScript off, `noscript.css` shows both and hides the choice).
pub fn method_choice() -> String {
    let option = |value: &str, label: &str, what: &str, checked: &str| {
        format!(
            "<label class=\"choice-option\"><input type=\"radio\" name=\"method\" id=\"method-{value}\" value=\"{value}\"{checked}>\
<span><strong>{label}</strong> <span class=\"choice-what\">{what}</span></span></label>"
        )
    };
    format!(
        "<fieldset class=\"choice method-choice site-only\"><legend>Choose a method</legend>{}{}</fieldset>\n",
        option(
            "cross-account",
            "Cross-account role (recommended)",
            "Shippable assumes a role: no keys leave AWS.",
            " checked"
        ),
        option(
            "account-keys",
            "Account keys",
            "Shippable keeps an IAM user\u{2019}s access keys.",
            ""
        ),
    )
}

/// The ways of doing a method's steps; the first is the default.
pub const WAYS: [(&str, &str); 4] = [
    ("console", "Console"),
    ("aws-cli", "AWS CLI"),
    ("cloudformation", "CloudFormation"),
    ("terraform", "Terraform"),
];

/// Tabs for the way of doing one method's steps (radio buttons, so they work without a script;
/// the page keeps every method's tabs on the same way).
pub fn way_tabs(method: &str) -> Option<String> {
    if !matches!(method, "cross-account" | "account-keys") {
        return None;
    }
    let mut html = String::from(
        "<fieldset class=\"tabs site-only\" data-sync=\"way\"><legend>Do it with</legend>",
    );
    for (i, (value, label)) in WAYS.iter().enumerate() {
        html.push_str(&format!(
            "<label class=\"tab\"><input type=\"radio\" name=\"way-{method}\" value=\"{value}\"{checked}>{label}</label>",
            checked = if i == 0 { " checked" } else { "" },
        ));
    }
    html.push_str("</fieldset>\n");
    Some(html)
}

/// A form of one pasted policy (merged or checked below it); it stays in the page.
pub fn paste_form(key: InputKey) -> Option<String> {
    if !matches!(
        key,
        InputKey::ExistingTrustPolicy | InputKey::ExistingPermissionsPolicy
    ) {
        return None;
    }
    Some(format!(
        "<form class=\"paste\" data-guide-inputs novalidate>{}</form>\n",
        field(key)
    ))
}

/// The "Your values" form: the three IDs, then names and options collapsed, a readiness line and
/// the form's actions.
pub fn your_values_form() -> String {
    let mut html = String::from("<form class=\"your-values\" data-your-values novalidate aria-labelledby=\"your-values\">\n");
    for (i, (legend, method, keys)) in FIELD_GROUPS.into_iter().enumerate() {
        if i == 1 {
            html.push_str("<details class=\"names-and-options\"><summary>Names and options <span class=\"choice-what\">role and policy names, partition, Hardened</span></summary>\n");
        }
        let method_attr = method
            .map(|m| format!(" data-method=\"{m}\""))
            .unwrap_or_default();
        let legend_class = if i == 0 {
            " class=\"visually-hidden\""
        } else {
            ""
        };
        html.push_str(&format!(
            "<fieldset{method_attr}><legend{legend_class}>{}</legend>",
            escaped(legend)
        ));
        for key in keys {
            html.push_str(&field(*key));
        }
        html.push_str("</fieldset>\n");
        if i == 0 {
            html.push_str("<p class=\"form-warning\" data-same-account hidden>Your AWS account ID equals Shippable\u{2019}s. Shippable\u{2019}s is the account that assumes the role, as Shippable gives it to you: check both.</p>\n");
        }
    }
    html.push_str("</details>\n");
    html.push_str(
        "<div class=\"form-actions\">\
<p class=\"readiness\" data-readiness>0 of 3 values set: the documents show placeholders where the others go.</p>\
<button type=\"button\" data-copy-link>Copy a link with my values</button>\
<button type=\"reset\">Clear my values</button>\
<p class=\"form-note\">The link keeps your values after the <code>#</code>, which browsers never send to a server.</p></div>\n\
<noscript><p class=\"form-note\">Turn on JavaScript to fill the documents in as you type. Without it the guide shows its placeholders in &lt;angle brackets&gt;: replace them by hand.</p></noscript>\n\
</form>\n",
    );
    html
}

/// A drawing of Shippable's "Add Integration" form as the reader should fill it (the guide's
/// screenshots are not available): labels, fields, and its Save button.
pub fn integration_form(method: &str, guide: &Guide) -> Option<String> {
    let rows: Vec<(&str, String, &str)> = match method {
        "cross-account" => vec![
            (
                "Integration type",
                "Amazon Web Services (IAM)".into(),
                "select",
            ),
            ("Integration Name", "AWS-IAM-Integration".into(), ""),
            (
                "Role ARN",
                format!(
                    "<code data-mirror=\"cross-account-role-arn\">{}</code>",
                    escaped(&guide.output(OutputId::CrossAccountRoleArn).text)
                ),
                "",
            ),
        ],
        "account-keys" => vec![
            ("Integration type", "AWS".into(), "select"),
            ("Integration Name", "AWS-Integration".into(), ""),
            (
                "Access Key",
                format!(
                    "<span class=\"mock-hint\">the access key ID of <code>{}</code></span>",
                    live_name(InputKey::UserName, guide)
                ),
                "",
            ),
            (
                "Secret Key",
                "<span class=\"mock-hint\">its secret access key</span>".into(),
                "",
            ),
        ],
        _ => return None,
    };
    let mut html = String::from(
        "<figure class=\"integration-form\"><div class=\"mock-window\" ><p class=\"mock-title\">Add Integration</p>",
    );
    for (label, value, kind) in rows {
        html.push_str(&format!(
            "<div class=\"mock-field\"><span class=\"mock-label\">{label}</span><span class=\"mock-input{}\">{value}</span></div>",
            if kind == "select" { " mock-select" } else { "" }
        ));
    }
    html.push_str("<p class=\"mock-actions\"><span class=\"mock-button\">Save</span></p></div><figcaption>Shippable\u{2019}s Add Integration form, filled in (a drawing of the screen).</figcaption></figure>\n");
    Some(html)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ecs_guide::{generate, RawInputs};

    #[test]
    fn live_text_escapes_and_marks_names() {
        let guide = generate(&RawInputs::new());
        assert_eq!(
            live_text("<a> {role-name} {nope}", &guide),
            "&lt;a&gt; <span data-input=\"role-name\">shippable-role-to-allow-ecs-access</span> {nope}"
        );
    }
}
