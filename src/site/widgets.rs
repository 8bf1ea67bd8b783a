//! The live parts of a page as HTML: the "Your values" form, generated documents, live names, form drawings.

use crate::findings::Severity;
use crate::guide::{Output, OutputId};
use crate::{Guide, InputKey};
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

/// A generated document: its text, completeness, where it goes, a copy button (and a download
/// button for scripts and templates), its findings and its size against its quota.
pub fn output_block(output: &Output, guide: &Guide) -> String {
    let id = output.id.id();
    let download = if downloadable(output.id) {
        format!(
            "<button type=\"button\" class=\"download\" data-download=\"output-{id}\" data-filename=\"{file}\" aria-describedby=\"title-{id}\">Download</button>",
            file = download_name(output.id),
        )
    } else {
        String::new()
    };
    format!(
        "<figure class=\"document\" data-document=\"{id}\">\
<figcaption><span class=\"document-title\" id=\"title-{id}\">{title}</span> \
<span class=\"where\"><span class=\"where-label\">{where_label}</span> {where_}</span></figcaption>\
<div class=\"document-body\"><pre tabindex=\"0\" aria-labelledby=\"title-{id}\"><code id=\"output-{id}\" data-output=\"{id}\" data-complete=\"{complete}\">{text}</code></pre>\
<div class=\"document-actions\"><button type=\"button\" class=\"copy\" data-copy=\"output-{id}\" aria-describedby=\"title-{id}\">Copy</button>{download}</div></div>\
<p class=\"document-status\" data-status-for=\"{id}\">{status}</p>{size}{findings}</figure>\n",
        title = live_text(title(output.id), guide),
        where_label = if output.id == OutputId::PermissionsCheck { "Paste:" } else { "Paste into:" },
        where_ = live_text(destination(output.id), guide),
        complete = output.complete,
        text = escaped(&output.text),
        status = escaped(&output.status()),
        size = size_meter(output),
        findings = findings_list(output),
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
    let Some(size) = output.size else {
        return String::new();
    };
    let id = output.id.id();
    format!(
        "<p class=\"size\" data-size-for=\"{id}\"><meter id=\"size-{id}\" min=\"0\" max=\"{limit}\" value=\"{used}\" \
low=\"{low}\" high=\"{high}\" optimum=\"0\" aria-labelledby=\"size-text-{id}\"></meter> \
<span id=\"size-text-{id}\" data-size-text>{text}</span></p>",
        limit = size.limit,
        used = size.used,
        low = size.limit * 3 / 4,
        high = size.limit * 9 / 10,
        text = escaped(&size_text(&size)),
    )
}

/// "Size: 512 of 2,048 characters (25%) of the …, whitespace not counted."
pub fn size_text(size: &crate::findings::Size) -> String {
    format!(
        "Size: {} of {} characters ({}%) of the {}, whitespace not counted.",
        thousands(size.used),
        thousands(size.limit),
        size.used * 100 / size.limit,
        size.quota
    )
}

fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The findings on a document, most serious first; an empty list stays in place for the script.
fn findings_list(output: &Output) -> String {
    let items: String = output
        .findings
        .iter()
        .map(|f| {
            let (class, label) = match f.severity {
                Severity::Error => ("error", "Problem"),
                Severity::Warning => ("warning", "Warning"),
                Severity::Note => ("note", "Note"),
            };
            format!(
                "<li class=\"finding finding-{class}\" data-rule=\"{rule}\"><strong>{label}:</strong> {message}</li>",
                rule = f.rule,
                message = escaped(&f.message)
            )
        })
        .collect();
    format!(
        "<ul class=\"findings\" data-findings-for=\"{}\" aria-label=\"Findings\">{items}</ul>",
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
fn hint(key: InputKey) -> &'static str {
    match key {
        InputKey::AwsAccountId => "12 digits. In the AWS console, open the account menu at the top right; the console\u{2019}s 1234-5678-9012 form is fine.",
        InputKey::ShippableAwsAccountId => "12 digits: the AWS account Shippable uses to assume your role, as given to you by Shippable. The guide\u{2019}s step 1 calls it \u{201c}Account Id\u{201d}.",
        InputKey::ExternalId => "Your Shippable account ID: Shippable \u{2192} Account Settings \u{2192} Accounts.",
        InputKey::RoleName => "Leave empty for the guide\u{2019}s name. Up to 64 letters, digits and + = , . @ _ -",
        InputKey::PolicyName => "Leave empty for the guide\u{2019}s name. Up to 128 letters, digits and + = , . @ _ -",
        InputKey::UserName => "Leave empty for the guide\u{2019}s name. Up to 64 letters, digits and + = , . @ _ -",
        InputKey::UserPolicyName => "Leave empty for the guide\u{2019}s name. Up to 128 letters, digits and + = , . @ _ -",
        InputKey::Partition => "aws for most accounts; aws-cn for the China regions; aws-us-gov for AWS GovCloud (US).",
        InputKey::ExistingTrustPolicy => "IAM \u{2192} Roles \u{2192} your role \u{2192} Trust relationships: copy the whole document. It stays in this page.",
        InputKey::ExistingPermissionsPolicy => "A permissions policy from the Permissions tab of a role or user, as JSON. It stays in this page.",
        InputKey::Hardened => "Least privilege: iam:PassRole only for your account\u{2019}s roles passed to ECS, a Version on every policy, no redundant actions. Off, the documents are the guide\u{2019}s.",
    }
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
            hint = escaped(hint(key)),
        );
    } else if key == InputKey::Partition {
        let options: String = crate::Partition::ALL
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
        hint = escaped(hint(key)),
    )
}

/// The fields of each group of the form, and which method each group serves.
pub const FIELD_GROUPS: [(&str, Option<&str>, &[InputKey]); 3] = [
    (
        "Cross-account role (recommended)",
        Some("cross-account"),
        &[
            InputKey::AwsAccountId,
            InputKey::ShippableAwsAccountId,
            InputKey::ExternalId,
            InputKey::PolicyName,
        ],
    ),
    (
        "Both methods",
        None,
        &[InputKey::RoleName, InputKey::Partition, InputKey::Hardened],
    ),
    (
        "Account keys",
        Some("account-keys"),
        &[InputKey::UserName, InputKey::UserPolicyName],
    ),
];

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

/// The "Your values" form: every input, grouped by method.
pub fn your_values_form() -> String {
    let mut html = String::from("<form class=\"your-values\" data-your-values novalidate aria-labelledby=\"your-values\">\n");
    for (legend, method, keys) in FIELD_GROUPS {
        let method_attr = method
            .map(|m| format!(" data-method=\"{m}\""))
            .unwrap_or_default();
        html.push_str(&format!(
            "<fieldset{method_attr}><legend>{}</legend>",
            escaped(legend)
        ));
        for key in keys {
            html.push_str(&field(*key));
        }
        html.push_str("</fieldset>\n");
    }
    html.push_str(
        "<div class=\"form-actions\">\
<button type=\"button\" data-copy-link>Copy a link with my values</button>\
<button type=\"reset\">Clear my values</button>\
<p class=\"form-note\">The link keeps your values after the <code>#</code>, which browsers never send to a server.</p></div>\n\
<noscript><p class=\"form-note\">Turn on JavaScript to fill the documents in as you type. Without it the guide shows its placeholders in &lt;angle brackets&gt;: replace them by hand.</p></noscript>\n\
</form>\n",
    );
    html
}

/// A drawing of Shippable's "Add Integration" form as the reader should fill it (the guide's
/// screenshots are not available).
pub fn integration_form(method: &str, guide: &Guide) -> Option<String> {
    let rows: Vec<(&str, String)> = match method {
        "cross-account" => vec![
            ("Integration type", "Amazon Web Services (IAM)".into()),
            ("Integration Name", "AWS-IAM-Integration".into()),
            (
                "Role ARN",
                format!(
                    "<code data-mirror=\"cross-account-role-arn\">{}</code>",
                    escaped(&guide.output(OutputId::CrossAccountRoleArn).text)
                ),
            ),
        ],
        "account-keys" => vec![
            ("Integration type", "AWS".into()),
            ("Integration Name", "AWS-Integration".into()),
            (
                "Access Key",
                format!(
                    "the access key ID of the user <code>{}</code>",
                    live_name(InputKey::UserName, guide)
                ),
            ),
            ("Secret Key", "its secret access key".into()),
        ],
        _ => return None,
    };
    let mut html = String::from("<figure class=\"integration-form\"><dl>");
    for (label, value) in rows {
        html.push_str(&format!("<div><dt>{label}</dt><dd>{value}</dd></div>"));
    }
    html.push_str("</dl><figcaption>Shippable\u{2019}s Add Integration form, filled in (a drawing of the screen).</figcaption></figure>\n");
    Some(html)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{generate, RawInputs};

    #[test]
    fn live_text_escapes_and_marks_names() {
        let guide = generate(&RawInputs::new());
        assert_eq!(
            live_text("<a> {role-name} {nope}", &guide),
            "&lt;a&gt; <span data-input=\"role-name\">shippable-role-to-allow-ecs-access</span> {nope}"
        );
    }
}
