//! The reader's controls as HTML: the "Your values" form, its fields and hints, the paste forms, the choices of method and way.

use crate::live_text::escaped;
use ecs_guide::InputKey;

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
    html.push_str(&format!(
        "<div class=\"form-actions\"><p class=\"readiness\" data-readiness>{}</p>",
        escaped(&crate::facts::readiness_at_first())
    ));
    html.push_str(
        "<button type=\"button\" data-copy-link>Copy a link with my values</button>\
<button type=\"reset\">Clear my values</button>\
<p class=\"form-note\">The link keeps your values after the <code>#</code>, which browsers never send to a server.</p></div>\n\
<noscript><p class=\"form-note\">Turn on JavaScript to fill the documents in as you type. Without it the guide shows its placeholders in &lt;angle brackets&gt;: replace them by hand.</p></noscript>\n\
</form>\n",
    );
    html
}
