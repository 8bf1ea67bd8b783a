//! The live parts of a page as HTML: the "Your values" form, generated documents, live names, form drawings.

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
        OutputId::AccountKeysRoleTrustPolicy => {
            "IAM \u{2192} Roles \u{2192} {role-name} \u{2192} Trust relationships \u{2192} Edit trust policy."
        }
    }
}

/// A generated document: its text, completeness, where it goes and a copy button.
pub fn output_block(output: &Output, guide: &Guide) -> String {
    let id = output.id.id();
    format!(
        "<figure class=\"document\" data-document=\"{id}\">\
<figcaption><span class=\"document-title\" id=\"title-{id}\">{title}</span> \
<span class=\"where\"><span class=\"where-label\">Paste into:</span> {where_}</span></figcaption>\
<div class=\"document-body\"><pre tabindex=\"0\" aria-labelledby=\"title-{id}\"><code id=\"output-{id}\" data-output=\"{id}\" data-complete=\"{complete}\">{text}</code></pre>\
<button type=\"button\" class=\"copy\" data-copy=\"output-{id}\" aria-describedby=\"title-{id}\">Copy</button></div>\
<p class=\"document-status\" data-status-for=\"{id}\">{status}</p></figure>\n",
        title = live_text(title(output.id), guide),
        where_ = live_text(destination(output.id), guide),
        complete = output.complete,
        text = escaped(&output.text),
        status = escaped(&output.status()),
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
    }
}

/// One labelled field with its hint and its (initially empty) error message.
pub fn field(key: InputKey) -> String {
    let name = key.key();
    let described = format!("hint-{name} error-{name}");
    let control = if key == InputKey::Partition {
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
        &[InputKey::RoleName, InputKey::Partition],
    ),
    (
        "Account keys",
        Some("account-keys"),
        &[InputKey::UserName, InputKey::UserPolicyName],
    ),
];

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
