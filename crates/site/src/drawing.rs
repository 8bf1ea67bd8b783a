//! A drawing of Shippable's "Add Integration" form, filled in with the reader's values.

use crate::live_text::{escaped, live_name};
use ecs_guide::{Guide, InputKey, OutputId};

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
